import type { TSession, TUpdateSessionRequest } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { toSessionDto } from "./sessions.mapper.ts";

/** Edits a session's details; the result must still end after it starts. */
export async function updateSession(options: { db: Db; sessionId: string; input: TUpdateSessionRequest }): Promise<TSession> {
  const { db, sessionId: id, input } = options;
  const existing = await db.session.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "Session not found.");
  const startsAt = input.startsAt ? new Date(input.startsAt) : existing.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : existing.endsAt;
  if (endsAt <= startsAt) throw new AppError("BAD_REQUEST", "The session must end after it starts.", { fields: { endsAt: "must be after startsAt" } });
  const session = await db.session.update({ where: { id }, data: { ...input, startsAt, endsAt } });
  return toSessionDto(session);
}
