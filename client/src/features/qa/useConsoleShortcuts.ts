import { useEffect } from "react";
import { useLatest } from "../../lib/useLatest.ts";

/** Props for {@link useConsoleShortcuts}. */
export interface ConsoleShortcutHandlers {
  move(step: 1 | -1): void;
  /** A letter key pressed on the selected question; the caller decides what it means. */
  act(key: string): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The console's keyboard: ↑/↓ or J/K move the selection; letters act on it. Keys typed into a
 * form field, or with a modifier held, are left alone.
 */
export function useConsoleShortcuts(handlers: ConsoleShortcutHandlers): void {
  const ref = useLatest(handlers);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === "ArrowDown" || event.key === "j") ref.current.move(1);
      else if (event.key === "ArrowUp" || event.key === "k") ref.current.move(-1);
      else if (/^[a-z]$/i.test(event.key)) return ref.current.act(event.key);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [ref]);
}
