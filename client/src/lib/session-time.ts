import { sameWallClock, zoneLabel } from "@plenary/shared";

/** A time range as seen in one time zone. */
export interface ZonedRange {
  /** Day, e.g. "Mon, 27 May". */
  day: string;
  /** Start–end wall-clock times, e.g. "09:00–10:30". */
  range: string;
  /** Short zone label, e.g. "CEST" or "GMT+8". */
  zone: string;
}

/** A session's times at the venue and, when the wall clock differs, where the viewer is. */
export interface SessionTimes {
  venue: ZonedRange;
  viewer?: ZonedRange;
}

/** The time zone the browser reports for the viewer. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

function zonedRange(startsAt: string, endsAt: string, timeZone: string, locale: string): ZonedRange {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short" }).format(start);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return { day, range: time.formatRange(start, end), zone: zoneLabel(startsAt, timeZone, locale) };
}

/**
 * Formats a session's start and end for the venue's zone and, only if it shows a different wall
 * clock, the viewer's zone too, so remote participants never have to convert times themselves.
 */
export function formatSessionTimes(
  session: { startsAt: string; endsAt: string },
  venueZone: string,
  viewerZone: string,
  locale: string,
): SessionTimes {
  const venue = zonedRange(session.startsAt, session.endsAt, venueZone, locale);
  if (sameWallClock(session.startsAt, venueZone, viewerZone)) return { venue };
  return { venue, viewer: zonedRange(session.startsAt, session.endsAt, viewerZone, locale) };
}

/** The event's dates as one localised range, e.g. "27–31 May 2024". Dates are calendar days, not instants. */
export function formatEventDates(startDate: string, endDate: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  return format.formatRange(new Date(`${startDate}T12:00:00Z`), new Date(`${endDate}T12:00:00Z`));
}

/** A day tab's label for a `YYYY-MM-DD` calendar day, e.g. { weekday: "Mon", date: "27 May" }. */
export function formatDayTab(day: string, locale: string): { weekday: string; date: string } {
  const instant = new Date(`${day}T12:00:00Z`);
  return {
    weekday: new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" }).format(instant),
    date: new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" }).format(instant),
  };
}
