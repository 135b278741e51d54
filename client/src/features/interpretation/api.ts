import type { TConnectionDetails } from "@plenary/shared";
import { requestToken } from "../session/api.ts";

/** A fresh `interpreter` token for the session (403 unless the user is one of its interpreters). */
export const requestInterpreterToken = (sessionId: string): Promise<TConnectionDetails> => requestToken(sessionId, "interpreter");
