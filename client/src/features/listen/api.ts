import { type TConnectionDetails, type TListenLink, type TListenLinkCreated, ZConnectionDetails, ZListenLink, ZListenLinkCreated } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** A guest link's token traded for a listen-only LiveKit token (for every connection: never reused). */
export const requestGuestToken = (token: string): Promise<TConnectionDetails> =>
  apiRequest("/listen/token", { method: "POST", body: { token }, schema: ZConnectionDetails });

/** The signed-in listener's own attendee token (no preconnect: this page joins only on a tap). */
export const requestAttendeeToken = (sessionId: string): Promise<TConnectionDetails> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/token`, { method: "POST", body: { role: "attendee", view: "listen" }, schema: ZConnectionDetails });

/** A new guest link to the session's listen page (moderators and organisers). */
export const createListenLink = (sessionId: string): Promise<TListenLinkCreated> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/listen-links`, { method: "POST", body: {}, schema: ZListenLinkCreated });

/** Revokes a guest link: everyone listening through it is cut off at once. */
export const revokeListenLink = (sessionId: string, linkId: string): Promise<TListenLink> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/listen-links/${encodeURIComponent(linkId)}/revoke`, { method: "POST", body: {}, schema: ZListenLink });
