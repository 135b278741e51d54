import { ZConnectionDetails, type TConnectionDetails } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** A fresh `interpreter` token for the session (403 unless the user is one of its interpreters). */
export const requestInterpreterToken = (sessionId: string): Promise<TConnectionDetails> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/token`, { method: "POST", body: { role: "interpreter" }, schema: ZConnectionDetails });
