import type { TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { toSessionDto } from "./sessions.mapper.ts";

/** One session; NOT_FOUND when there is none with that id. */
export async function getSession(options: { db: Db; sessionId: string }): Promise<TSession> {
  const session = await options.db.session.findUnique({ where: { id: options.sessionId } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  return toSessionDto(session);
}
