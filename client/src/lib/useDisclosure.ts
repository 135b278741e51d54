import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";

/** What {@link useDisclosure} hands to a toggle button and the panel it shows. */
export interface Disclosure {
  open: boolean;
  close(): void;
  /** Spread on the element holding both the button and the panel. */
  rootProps: { ref: RefObject<HTMLDivElement | null>; onKeyDown(e: KeyboardEvent): void; onBlur(e: FocusEvent): void };
  /** Spread on the toggle button. */
  buttonProps: { ref: RefObject<HTMLButtonElement | null>; "aria-expanded": boolean; "aria-controls": string; onClick(): void };
  /** The panel's id, for `aria-controls`. */
  panelId: string;
}

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern), closing the way people
 * expect of a menu: Escape (focus goes back to the button), a click elsewhere, or focus leaving it.
 * With `scope`, it also closes whenever the scope changes, such as after a navigation: the open
 * state remembers the scope it was opened in, so nothing has to be reset in an effect.
 */
export function useDisclosure(scope = ""): Disclosure {
  const [openIn, setOpenIn] = useState<string | null>(null);
  const open = openIn === scope;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpenIn(null), []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  return {
    open,
    close,
    panelId,
    rootProps: {
      ref: root,
      onKeyDown: (e) => {
        if (e.key !== "Escape" || !open) return;
        e.stopPropagation();
        close();
        button.current?.focus();
      },
      onBlur: (e) => {
        if (open && e.relatedTarget instanceof Node && !root.current?.contains(e.relatedTarget)) close();
      },
    },
    buttonProps: { ref: button, "aria-expanded": open, "aria-controls": panelId, onClick: () => setOpenIn(open ? null : scope) },
  };
}
