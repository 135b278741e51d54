import type { TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { getSession as getSessionById } from "./get-session.ts";

/**
 * @deprecated Kept only for realtime/sessions.handlers.ts, which is being moved in a parallel
 * change; once it calls get-session.ts this file goes.
 */
export const getSession = (db: Db, id: string): Promise<TSession> => getSessionById({ db, sessionId: id });
