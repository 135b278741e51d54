import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

/** Props for {@link DeclineDialog}. */
export interface DeclineDialogProps {
  name: string;
  onCancel(): void;
  onConfirm(reason: string | undefined): void;
}

const REASON_MAX = 300;

/**
 * Declining a request, with an optional reason that only the requester sees. A native modal
 * dialog: focus moves into it, Escape cancels, and the page behind is inert.
 */
export function DeclineDialog({ name, onCancel, onConfirm }: DeclineDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  useEffect(() => {
    const element = dialog.current;
    // The dialog leaves the page when it closes, so the browser cannot hand focus back by itself.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason.trim() || undefined);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      data-testid="floor-decline-dialog"
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`} className="dialog__title">
          {t("floor.chair.declineTitle", { name })}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            {t("floor.chair.declineReason", { name })}
          </label>
          <textarea id={`${id}-reason`} dir="auto" rows={3} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="floor-decline-reason" />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("floor.chair.cancel")}
          </button>
          <button type="submit" className="button button--primary" data-testid="floor-decline-confirm">
            {t("floor.chair.declineConfirm")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
