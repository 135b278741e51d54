import type { TSession } from "@plenary/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { Notice } from "../../ui/Notice.tsx";
import { SessionTimes } from "../../ui/SessionTimes.tsx";
import type { BlockReason } from "./join-flow.ts";

/** Props for {@link JoinBlocked}. */
export interface JoinBlockedProps {
  reason: BlockReason;
  session: TSession;
  timeZone: string | undefined;
  onRetry(): void;
}

const TONE: Record<BlockReason, "info" | "warning" | "error"> = {
  signin: "info",
  forbidden: "warning",
  "not-live": "info",
  ended: "info",
  "media-off": "warning",
  "not-found": "error",
  "rate-limited": "warning",
  network: "error",
  "connection-failed": "error",
  duplicate: "warning",
  removed: "warning",
  error: "error",
};

/** Explains why the user is not in the room and offers the one useful next step. */
export function JoinBlocked({ reason, session, timeZone, onRetry }: JoinBlockedProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const retry = (label: string) => (
    <button type="button" className="button button--secondary" onClick={onRetry}>
      {label}
    </button>
  );
  const actions: Partial<Record<BlockReason, ReactNode>> = {
    signin: (
      <Link className="button button--primary" to={loginPathFor(location.pathname + location.search)}>
        {t("session.blocked.signinAction")}
      </Link>
    ),
    forbidden: <Link to="/">{t("session.backToAgenda")}</Link>,
    ended: <Link to="/">{t("session.backToAgenda")}</Link>,
    "media-off": retry(t("common.tryAgain")),
    "rate-limited": retry(t("common.tryAgain")),
    network: retry(t("common.tryAgain")),
    "connection-failed": retry(t("common.tryAgain")),
    duplicate: retry(t("session.blocked.joinHere")),
    error: retry(t("common.tryAgain")),
  };

  return (
    <Notice tone={TONE[reason]} title={t(`session.blocked.${reason}.title`)} actions={actions[reason]} testId="join-blocked">
      <p>{t(`session.blocked.${reason}.body`)}</p>
      {reason === "not-live" && timeZone && (
        <>
          <SessionTimes session={session} timeZone={timeZone} withDay />
          <p className="notice__waiting">{t("session.blocked.not-live.autoJoin")}</p>
        </>
      )}
    </Notice>
  );
}
