import { sessionIdFromRoom, userIdOfIdentity } from "@plenary/shared";
import type { WebhookEvent } from "livekit-server-sdk";
import type { Logger } from "pino";
import type { Db } from "../db/client.ts";

const KINDS: Record<string, "JOINED" | "LEFT"> = { participant_joined: "JOINED", participant_left: "LEFT" };

/** The fields of a verified LiveKit webhook event that attendance reads. */
export type AttendanceEvent = Pick<WebhookEvent, "event" | "id" | "createdAt"> & {
  room?: { name: string };
  participant?: { identity: string; sid?: string };
};

/**
 * The attendance row a LiveKit event stands for: joins and leaves in a session's room, else nothing.
 * Each of a person's views is its own identity; the row names the person too, so they count once.
 */
export function attendanceFromEvent(event: AttendanceEvent) {
  const kind = KINDS[event.event];
  const sessionId = event.room?.name ? sessionIdFromRoom(event.room.name) : undefined;
  const identity = event.participant?.identity;
  if (!kind || !sessionId || !identity || !event.id) return undefined;
  return {
    webhookId: event.id,
    sessionId,
    identity,
    userId: userIdOfIdentity(identity) ?? null,
    participantSid: event.participant?.sid || null,
    kind,
    at: new Date(Number(event.createdAt) * 1000),
  };
}

/**
 * Records a join or a leave, once per webhook id (LiveKit retries deliveries). A failure is logged,
 * not returned: LiveKit would only retry, and attendance is statistics, not access.
 */
export async function recordAttendance(options: { db: Db; logger: Logger; event: AttendanceEvent }): Promise<void> {
  const row = attendanceFromEvent(options.event);
  if (!row) return;
  await options.db.attendance
    .upsert({ where: { webhookId: row.webhookId }, create: row, update: {} })
    .catch((err: unknown) => options.logger.warn({ err, sessionId: row.sessionId }, "attendance not recorded"));
}
