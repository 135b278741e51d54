/** The calendar day (`YYYY-MM-DD`) on which an instant falls in a given IANA time zone. */
export function dayInZone(iso: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    typeof iso === "string" ? new Date(iso) : iso,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** A wall-clock time such as "09:30" for an instant in a time zone, in the viewer's locale. */
export function timeInZone(iso: string, timeZone: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

/** A short time-zone label ("CEST", "GMT+4") for the instant, so times are never ambiguous. */
export function zoneLabel(iso: string, timeZone: string, locale = "en"): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** Whether two zones show the same wall-clock time at this instant (then one column is enough). */
export function sameWallClock(iso: string, a: string, b: string): boolean {
  return timeInZone(iso, a) === timeInZone(iso, b) && dayInZone(iso, a) === dayInZone(iso, b);
}

/** Every day from start to end inclusive, `YYYY-MM-DD`. */
export function daysBetween(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${startDate}T12:00:00Z`); d <= new Date(`${endDate}T12:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
