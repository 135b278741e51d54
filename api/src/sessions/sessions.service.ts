import {
  filterAgenda,
  type TAgendaQuery,
  type TAgendaResponse,
  type TCreateSessionRequest,
  type TSession,
  type TUpdateSessionRequest,
} from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Event, SessionStatus } from "../generated/prisma/client.ts";
import { toEventDto, toSessionDto } from "./sessions.mapper.ts";

/** The event this deployment is serving: the latest one by start date. */
export async function currentEvent(db: Db): Promise<Event> {
  const event = await db.event.findFirst({ orderBy: { startDate: "desc" } });
  if (!event) throw new AppError("NOT_FOUND", "No event has been set up yet.");
  return event;
}

export async function listAgenda(db: Db, query: TAgendaQuery): Promise<TAgendaResponse> {
  const event = await currentEvent(db);
  const rows = await db.session.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
  return { event: toEventDto(event), sessions: filterAgenda(rows.map(toSessionDto), query, event.timezone) };
}

export async function getSession(db: Db, id: string): Promise<TSession> {
  const session = await db.session.findUnique({ where: { id } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  return toSessionDto(session);
}

export async function createSession(db: Db, input: TCreateSessionRequest): Promise<TSession> {
  const event = await currentEvent(db);
  const session = await db.session.create({
    data: { ...input, eventId: event.id, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
  });
  return toSessionDto(session);
}

export async function updateSession(db: Db, id: string, input: TUpdateSessionRequest): Promise<TSession> {
  const existing = await db.session.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "Session not found.");
  const startsAt = input.startsAt ? new Date(input.startsAt) : existing.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : existing.endsAt;
  if (endsAt <= startsAt) throw new AppError("BAD_REQUEST", "The session must end after it starts.", { fields: { endsAt: "must be after startsAt" } });
  const session = await db.session.update({ where: { id }, data: { ...input, startsAt, endsAt } });
  return toSessionDto(session);
}

// Sessions move forward only: scheduled → live → ended. Reopening an ended session is allowed
// because real plenaries resume after a break.
const ALLOWED: Record<SessionStatus, SessionStatus[]> = {
  SCHEDULED: ["LIVE", "ENDED"],
  LIVE: ["ENDED"],
  ENDED: ["LIVE"],
};

export async function setSessionStatus(db: Db, id: string, status: SessionStatus): Promise<TSession> {
  const existing = await db.session.findUnique({ where: { id } });
  if (!existing) throw new AppError("NOT_FOUND", "Session not found.");
  if (existing.status === status) return toSessionDto(existing);
  if (!ALLOWED[existing.status].includes(status)) {
    throw new AppError("CONFLICT", `A ${existing.status.toLowerCase()} session cannot become ${status.toLowerCase()}.`);
  }
  return toSessionDto(await db.session.update({ where: { id }, data: { status } }));
}
