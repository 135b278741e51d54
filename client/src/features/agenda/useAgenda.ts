import type { TAgendaResponse } from "@plenary/shared";
import { type ApiQuery, useApiQuery } from "../../lib/useApiQuery.ts";
import { fetchAgenda } from "./api.ts";

/** How often the agenda refreshes itself so "live" badges and Join buttons stay current. */
const REFRESH_MS = 60_000;

/** The event and all its sessions, refreshed in the background. */
export function useAgenda(): ApiQuery<TAgendaResponse> {
  return useApiQuery("agenda", fetchAgenda, { refreshMs: REFRESH_MS });
}
