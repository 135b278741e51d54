import type { TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";
import { toSessionDto } from "./sessions.mapper.ts";

// Sessions move forward only: scheduled → live → ended. Reopening an ended session is allowed
// because real plenaries resume after a break.
const ALLOWED: Record<SessionStatus, SessionStatus[]> = {
  SCHEDULED: ["LIVE", "ENDED"],
  LIVE: ["ENDED"],
  ENDED: ["LIVE"],
};

/** Opens, closes or reopens a session; setting the status it already has changes nothing. */
export async function setSessionStatus(options: { db: Db; sessionId: string; status: SessionStatus }): Promise<TSession> {
  const { db, sessionId: id, status } = options;
  const existing = await db.session.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "Session not found.");
  if (existing.status === status) return toSessionDto(existing);
  if (!ALLOWED[existing.status].includes(status)) {
    throw new AppError("CONFLICT", `A ${existing.status.toLowerCase()} session cannot become ${status.toLowerCase()}.`);
  }
  return toSessionDto(await db.session.update({ where: { id }, data: { status } }));
}
