import { type TConnectionDetails, type TJoinRole, type TSession, ZConnectionDetails, ZSession } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** One session, whatever its status. */
export const fetchSession = (sessionId: string, signal?: AbortSignal): Promise<TSession> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}`, { schema: ZSession, signal });

/**
 * A fresh, short-lived LiveKit token to enter the session's room in `role`. Called for every
 * (re)connection: a token is never reused after a full disconnect.
 */
export const requestToken = (sessionId: string, role: TJoinRole, signal?: AbortSignal): Promise<TConnectionDetails> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/token`, { method: "POST", body: { role }, schema: ZConnectionDetails, signal });

