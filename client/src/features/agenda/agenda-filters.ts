import { SESSION_TYPES, type TAgendaQuery, UN_LANGUAGES } from "@plenary/shared";

/** The agenda's filters as kept in the URL, so a filtered view can be shared and survives reloads. */
export interface AgendaFilters {
  day: string | undefined;
  type: TAgendaQuery["type"];
  language: TAgendaQuery["language"];
  liveNow: boolean;
}

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => list.find((v) => v === value);

/** Reads filters from search params, ignoring unknown values. */
export function readFilters(params: URLSearchParams, days: readonly string[]): AgendaFilters {
  return {
    day: pick(days, params.get("day")),
    type: pick(SESSION_TYPES, params.get("type")),
    language: pick(UN_LANGUAGES, params.get("language")),
    liveNow: params.get("live") === "1",
  };
}

/** Writes filters to search params, leaving out defaults. */
export function writeFilters(filters: AgendaFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.day) params.set("day", filters.day);
  if (filters.type) params.set("type", filters.type);
  if (filters.language) params.set("language", filters.language);
  if (filters.liveNow) params.set("live", "1");
  return params;
}

/** The day to show first: today if the event is on, else its first day. */
export function defaultDay(days: readonly string[], today: string): string | undefined {
  return days.includes(today) ? today : days[0];
}
