import { type TAgendaResponse, ZAgendaResponse } from "@plenary/shared";
import { apiRequest } from "../../lib/api.ts";

/** The whole agenda; filtering happens client-side with the shared `filterAgenda`, so it is instant. */
export const fetchAgenda = (signal?: AbortSignal): Promise<TAgendaResponse> => apiRequest("/sessions", { schema: ZAgendaResponse, signal });

/** iCalendar download for one session. */
export const sessionCalendarUrl = (sessionId: string): string => `/api/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;

/** iCalendar download for the whole event. */
export const AGENDA_CALENDAR_URL = "/api/agenda.ics";
