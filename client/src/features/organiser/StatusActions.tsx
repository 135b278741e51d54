import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { errorText } from "../../i18n/errors.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { setSessionStatus } from "./api.ts";

const NEXT: Record<TSession["status"], { status: TSession["status"]; label: "organiser.open" | "organiser.close" | "organiser.reopen" }> = {
  SCHEDULED: { status: "LIVE", label: "organiser.open" },
  LIVE: { status: "ENDED", label: "organiser.close" },
  ENDED: { status: "LIVE", label: "organiser.reopen" },
};

/** Props for {@link StatusActions}. */
export interface StatusActionsProps {
  session: TSession;
  onChanged(session: TSession): void;
}

/** Open (go live) / Close / Reopen for one session. */
export function StatusActions({ session, onChanged }: StatusActionsProps) {
  const { t } = useTranslation();
  const change = useSubmit(setSessionStatus);
  const next = NEXT[session.status];
  const onClick = async () => {
    const updated = await change.run(session.id, next.status);
    if (updated) onChanged(updated);
  };
  return (
    <div className="status-actions">
      <button
        type="button"
        className={session.status === "SCHEDULED" ? "button button--secondary button--small" : "button button--quiet button--small"}
        onClick={() => void onClick()}
        disabled={change.pending}
        aria-label={t(`${next.label}Named`, { title: session.title })}
      >
        {t(next.label)}
      </button>
      {change.error && (
        <p className="field__error" role="alert">
          {errorText(t, change.error, { CONFLICT: t("organiser.statusConflict") })}
        </p>
      )}
    </div>
  );
}
