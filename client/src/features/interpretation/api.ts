import { ZConnectionDetails, type TConnectionDetails } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** A fresh `interpreter` token for the booth console (403 unless the user is one of its interpreters); its identity is the user id. */
export const requestInterpreterToken = (sessionId: string): Promise<TConnectionDetails> =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/token`, { method: "POST", body: { role: "interpreter", view: "booth" }, schema: ZConnectionDetails });
