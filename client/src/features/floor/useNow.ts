import { useCallback, useSyncExternalStore } from "react";

// Four ticks a second keep a server-aligned countdown within a quarter second of the truth; a
// component re-renders only when the value it reads changes.
const TICK_MS = 250;

/** The local clock, advancing while `active` (a running timer), else frozen at the last value. */
export function useNow(active = true): number {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!active) return () => undefined;
      const timer = setInterval(notify, TICK_MS);
      return () => clearInterval(timer);
    },
    [active],
  );
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / TICK_MS) * TICK_MS);
}
