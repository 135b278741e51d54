import type { Db } from "../db/client.ts";
import { attendeesOf, type Attendee } from "./attendance.rules.ts";

/** A session's attendees as recorded from LiveKit's webhooks, each person once. */
export async function readAttendance(options: { db: Db; sessionId: string; now?: Date }): Promise<Attendee[]> {
  const rows = await options.db.attendance.findMany({
    where: { sessionId: options.sessionId },
    select: { identity: true, userId: true, participantSid: true, kind: true, at: true },
  });
  return attendeesOf(rows, options.now ?? new Date());
}
