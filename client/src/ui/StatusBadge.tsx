import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";

/** A session's status; LIVE stands out, with a dot that does not rely on colour alone. */
export function StatusBadge({ status }: { status: TSession["status"] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status badge--${status.toLowerCase()}`} data-status={status}>
      {status === "LIVE" && <span className="badge__dot" aria-hidden="true" />}
      {t(`sessionStatus.${status}`)}
    </span>
  );
}
