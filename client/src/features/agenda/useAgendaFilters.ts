import { dayInZone } from "@plenary/shared";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { type AgendaFilters, defaultDay, readFilters, writeFilters } from "./agenda-filters.ts";

/** The agenda filters, kept in the URL; the day defaults to today (venue time) or the first day. */
export function useAgendaFilters(days: readonly string[], timeZone: string): [AgendaFilters, (patch: Partial<AgendaFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const read = readFilters(params, days);
    return { ...read, day: read.day ?? defaultDay(days, dayInZone(new Date(), timeZone)) };
  }, [params, days, timeZone]);
  const update = useCallback(
    (patch: Partial<AgendaFilters>) => setParams(writeFilters({ ...filters, ...patch }), { replace: true, preventScrollReset: true }),
    [filters, setParams],
  );
  return [filters, update];
}
