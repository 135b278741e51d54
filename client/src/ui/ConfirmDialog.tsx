import { type ReactNode, useEffect, useId, useRef } from "react";

/** Props for {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  title: string;
  /** What will happen, above all to the people in the room. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

/**
 * Asks before an action that cannot be taken back quietly. A native modal dialog: focus moves into
 * it (to Cancel, the safe choice), Escape cancels, the page behind is inert until it closes, and focus
 * then returns to where it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // The dialog leaves the page when its owner stops rendering it, before the browser could give
    // focus back; do it here so keyboard users land where they were.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid={testId}
    >
      <div className="dialog__stack">
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <div id={`${id}-body`} className="dialog__body">
          {children}
        </div>
        <div className="dialog__actions">
          {/* First, so that showModal() puts focus on the safe choice. */}
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm} data-testid={testId && `${testId}-confirm`}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
