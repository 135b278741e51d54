import { type TConnectionDetails, ZConnectionDetails } from "@plenary/shared";
import { readApiResponse } from "../../lib/api.ts";
import type { JoinConnector } from "../session/join-connector.ts";

/** A fresh `stage` token for the session (403 unless the user is its stage operator). */
export const requestStageToken = (joins: Pick<JoinConnector, "requestToken">, sessionId: string): Promise<TConnectionDetails> =>
  readApiResponse(joins.requestToken(sessionId, "stage", "stage"), ZConnectionDetails);
