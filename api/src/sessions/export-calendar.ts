import type { Db } from "../db/client.ts";
import { buildIcs } from "./ics.ts";
import { getSession } from "./get-session.ts";
import { listAgenda } from "./list-agenda.ts";
import { toEventDto } from "./sessions.mapper.ts";

/** An iCalendar file of the whole event, or of one session when `sessionId` is given. */
export async function exportCalendar(options: { db: Db; publicUrl: string; sessionId?: string }): Promise<{ filename: string; body: string }> {
  const { db, publicUrl, sessionId } = options;
  if (!sessionId) {
    const { event, sessions } = await listAgenda({ db, query: {} });
    return { filename: `${event.slug}.ics`, body: buildIcs(event, sessions, publicUrl) };
  }
  const session = await getSession({ db, sessionId });
  const event = toEventDto(await db.event.findUniqueOrThrow({ where: { id: session.eventId } }));
  return { filename: `session-${session.id}.ics`, body: buildIcs(event, [session], publicUrl) };
}
