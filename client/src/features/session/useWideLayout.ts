import { useSyncExternalStore } from "react";

/** Wide enough for the side panel beside the player (matches session.css). */
const WIDE = "(min-width: 60rem)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/** Whether the session page lays out side by side (true) or stacked with a tab bar (false). */
export const useWideLayout = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(WIDE).matches);
