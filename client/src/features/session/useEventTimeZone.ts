import { useApiQuery } from "../../lib/useApiQuery.ts";
import { fetchAgenda } from "../agenda/api.ts";

/** The event's time zone (from the agenda); undefined until known. */
export function useEventTimeZone(): string | undefined {
  return useApiQuery("agenda", fetchAgenda).data?.event.timezone;
}
