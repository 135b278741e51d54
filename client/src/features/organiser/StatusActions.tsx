import type { TSession } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../i18n/errors.ts";
import { isolate } from "../../lib/bidi.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { setSessionStatus } from "./api.ts";

const NEXT: Record<TSession["status"], { status: TSession["status"]; label: "organiser.open" | "organiser.close" | "organiser.reopen" }> = {
  SCHEDULED: { status: "LIVE", label: "organiser.open" },
  LIVE: { status: "ENDED", label: "organiser.close" },
  ENDED: { status: "LIVE", label: "organiser.reopen" },
};

/** Ending disconnects the whole room, so it looks like the destructive action it is. */
const CLASS: Record<TSession["status"], string> = {
  SCHEDULED: "button--secondary",
  LIVE: "button--danger",
  ENDED: "button--quiet",
};

/** Props for {@link StatusActions}. */
export interface StatusActionsProps {
  session: TSession;
  onChanged(session: TSession): void;
}

/**
 * Open (go live) / End session / Reopen for one session. Ending a live session disconnects everyone in
 * its room at once, so it asks first and says so.
 */
export function StatusActions({ session, onChanged }: StatusActionsProps) {
  const { t } = useTranslation();
  const change = useSubmit(setSessionStatus);
  const [confirming, setConfirming] = useState(false);
  const next = NEXT[session.status];
  const apply = async () => {
    setConfirming(false);
    const updated = await change.run(session.id, next.status);
    if (updated) onChanged(updated);
  };
  return (
    <div className="status-actions">
      <button
        type="button"
        className={`button button--small ${CLASS[session.status]}`}
        onClick={() => (next.status === "ENDED" ? setConfirming(true) : void apply())}
        disabled={change.pending}
        aria-label={t(`${next.label}Named`, { title: session.title })}
        data-testid="session-status-action"
      >
        {t(next.label)}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t("organiser.endConfirm.title", { title: isolate(session.title) })}
          confirmLabel={t("organiser.endConfirm.confirm")}
          cancelLabel={t("organiser.endConfirm.cancel")}
          onConfirm={() => void apply()}
          onCancel={() => setConfirming(false)}
          testId="end-session-dialog"
        >
          <p>{t("organiser.endConfirm.room")}</p>
          <p>{t("organiser.endConfirm.after")}</p>
        </ConfirmDialog>
      )}
      {change.error && (
        <p className="field__error" role="alert">
          {errorText(t, change.error, { CONFLICT: t("organiser.statusConflict") })}
        </p>
      )}
    </div>
  );
}
