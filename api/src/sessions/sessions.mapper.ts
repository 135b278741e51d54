import type { TEvent, TSession } from "@plenary/shared";
import type { Event, Session } from "../generated/prisma/client.ts";

export const toSessionDto = (s: Session): TSession => ({
  id: s.id,
  eventId: s.eventId,
  title: s.title,
  description: s.description,
  type: s.type,
  room: s.room,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  status: s.status,
  languages: s.languages,
  qaMode: s.qaMode,
  isSample: s.isSample,
});

export const toEventDto = (e: Event): TEvent => ({
  id: e.id,
  slug: e.slug,
  title: e.title,
  venue: e.venue,
  startDate: e.startDate,
  endDate: e.endDate,
  timezone: e.timezone,
  languages: e.languages,
  isSample: e.isSample,
});
