import { filterAgenda, type TAgendaQuery, type TAgendaResponse } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { getCurrentEvent } from "./get-current-event.ts";
import { toEventDto, toSessionDto } from "./sessions.mapper.ts";

/** The current event and its sessions in start order, filtered as the agenda page asks. */
export async function listAgenda(options: { db: Db; query: TAgendaQuery }): Promise<TAgendaResponse> {
  const { db } = options;
  const event = await getCurrentEvent({ db });
  const rows = await db.session.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
  return { event: toEventDto(event), sessions: filterAgenda(rows.map(toSessionDto), options.query, event.timezone) };
}
