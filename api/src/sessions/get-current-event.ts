import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Event } from "../generated/prisma/client.ts";

/** The event this deployment is serving: the latest one by start date. */
export async function getCurrentEvent(options: { db: Db }): Promise<Event> {
  const event = await options.db.event.findFirst({ orderBy: { startDate: "desc" } });
  if (!event) throw new AppError("NOT_FOUND", "No event has been set up yet.");
  return event;
}
