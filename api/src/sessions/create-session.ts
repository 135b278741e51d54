import type { TCreateSessionRequest, TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { getCurrentEvent } from "./get-current-event.ts";
import { toSessionDto } from "./sessions.mapper.ts";

/** Adds a session to the current event. */
export async function createSession(options: { db: Db; input: TCreateSessionRequest }): Promise<TSession> {
  const { db, input } = options;
  const event = await getCurrentEvent({ db });
  const session = await db.session.create({
    data: { ...input, eventId: event.id, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
  });
  return toSessionDto(session);
}
