import { useEffect } from "react";
import { useLatest } from "../../lib/useLatest.ts";
import { isTypingTarget, shortcutAction, type PlayerAction } from "./player-controller.ts";

/** Runs `act` for the player's single-key shortcuts anywhere on the page, except while typing. */
export function usePlayerShortcuts(act: (action: PlayerAction) => void): void {
  const latest = useLatest(act);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const action = shortcutAction({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing: isTypingTarget(event.target) });
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [latest]);
}
