import type { TChannel } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import { NOW_UTC } from "../qa/qa.repository.ts";

/** Who is listening: a signed-in person, or a guest link (the listen-only page). */
export type Listener = { userId: string; listenLinkId?: undefined } | { userId?: undefined; listenLinkId: string };

/**
 * Records a listener's move to a channel: closes the record of the channel they were on and opens
 * one for the new channel, keyed per connection so two tabs count as two listeners. Organiser
 * statistics read these rows: who listened to what, for how long.
 */
export async function recordChannel(sql: SqlQuery, options: { sessionId: string; listener: Listener; key: string; channel: TChannel | null }): Promise<void> {
  const { sessionId, listener, key, channel } = options;
  await sql(`UPDATE "ListenerRecord" SET "endedAt" = ${NOW_UTC} WHERE "listenerKey" = $1 AND "endedAt" IS NULL`, [key]);
  if (!channel) return;
  await sql(
    `INSERT INTO "ListenerRecord" (id, "sessionId", "userId", "listenLinkId", "listenerKey", channel, "startedAt")
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4, $5, ${NOW_UTC})`,
    [sessionId, listener.userId ?? null, listener.listenLinkId ?? null, key, channel],
  );
}

/** Ends every open record of a connection: it closed. */
export const endListening = (sql: SqlQuery, key: string): Promise<void> => recordChannel(sql, { sessionId: "", listener: { userId: "" }, key, channel: null });
