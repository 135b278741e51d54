import { type TSession, ZSession } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** One session, whatever its status. */
export const fetchSession = (sessionId: string, signal?: AbortSignal): Promise<TSession> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}`, { schema: ZSession, signal });
