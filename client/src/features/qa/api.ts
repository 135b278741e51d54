import {
  ZPresenterLinkResponse,
  ZPresenterLinksRevoked,
  ZPresenterVerifyResponse,
  type TPresenterLinkResponse,
  type TPresenterLinksRevoked,
  type TPresenterVerifyResponse,
} from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** A moderator's read-only link for the venue screen of their session. */
export const issuePresenterLink = (sessionId: string): Promise<TPresenterLinkResponse> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/qa/presenter-links`, { method: "POST", body: {}, schema: ZPresenterLinkResponse });

/** Withdraws every presenter link of the session; screens opened with them close at once. */
export const revokePresenterLinks = (sessionId: string): Promise<TPresenterLinksRevoked> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/qa/presenter-links`, { method: "DELETE", schema: ZPresenterLinksRevoked });

/** Checks a presenter token and names its session (the venue screen may not be signed in). */
export const verifyPresenterLink = (token: string, signal?: AbortSignal): Promise<TPresenterVerifyResponse> =>
  apiRequest("/qa/presenter-links/verify", { method: "POST", body: { token }, schema: ZPresenterVerifyResponse, signal });

/** Where the moderators' export downloads from; a plain link, so the browser saves the file. */
export const exportUrl = (sessionId: string, format: "csv" | "json"): string =>
  `/api/sessions/${encodeURIComponent(sessionId)}/qa/export?format=${format}`;

