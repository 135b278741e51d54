import type { TConnectionDetails } from "@plenary/shared";
import { requestToken } from "../session/api.ts";

/** A fresh `stage` token for the session (403 unless the user is its stage operator). */
export const requestStageToken = (sessionId: string): Promise<TConnectionDetails> => requestToken(sessionId, "stage");
