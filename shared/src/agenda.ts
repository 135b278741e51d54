import type { TAgendaQuery, TSession } from "./sessions.types.ts";
import { dayInZone } from "./time.ts";

/** "Live now" means an organiser has opened the session, not merely that its slot has started. */
export const isLiveNow = (session: Pick<TSession, "status">): boolean => session.status === "LIVE";

/**
 * Filters an agenda by day (in the event's time zone), type, offered language and "live now",
 * keeping chronological order. Shared by the api's query and the client's filters.
 */
export function filterAgenda<S extends TSession>(sessions: S[], query: TAgendaQuery, timeZone: string): S[] {
  return sessions
    .filter((s) => !query.day || dayInZone(s.startsAt, timeZone) === query.day)
    .filter((s) => !query.type || s.type === query.type)
    .filter((s) => !query.language || s.languages.includes(query.language))
    .filter((s) => !query.liveNow || isLiveNow(s))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
}
