import type { TJoinRole, TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { languageName } from "../../lib/languages.ts";
import { SessionTimes } from "../../ui/SessionTimes.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { sessionCalendarUrl } from "../agenda/api.ts";

/** Props for {@link SessionHeader}. */
export interface SessionHeaderProps {
  session: TSession;
  role: TJoinRole;
  timeZone: string | undefined;
}

/** Title, status, time, room and languages of the session, and the role the user joins as. */
export function SessionHeader({ session, role, timeZone }: SessionHeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="session-header">
      <p className="session-header__back">
        <Link to="/">{t("session.backToAgenda")}</Link>
      </p>
      <div className="session-card__badges" aria-live="polite">
        <StatusBadge status={session.status} />
        <span className="badge badge--type">{t(`sessionTypes.${session.type}`)}</span>
        {role !== "attendee" && <span className="badge badge--role">{t("session.joinedAs", { role: t(`roles.${role}`) })}</span>}
      </div>
      <h1 id="session-title">
        <bdi>{session.title}</bdi>
      </h1>
      {timeZone && <SessionTimes session={session} timeZone={timeZone} withDay />}
      <p className="session-header__meta">
        {t("session.room")}: <bdi>{session.room}</bdi> · {t("session.languages")}:{" "}
        {session.languages.map((l) => languageName(l, i18n.language)).join(t("common.listSeparator"))}
      </p>
      {session.description && (
        <p className="session-header__description">
          <bdi>{session.description}</bdi>
        </p>
      )}
      <p className="session-header__links">
        <a href={sessionCalendarUrl(session.id)} download>
          {t("agenda.addToCalendar")}
        </a>
        {role === "stage" && <Link to={`/sessions/${session.id}/stage`}>{t("session.openStage")}</Link>}
        {role === "interpreter" && <Link to={`/sessions/${session.id}/booth`}>{t("session.openBooth")}</Link>}
      </p>
    </header>
  );
}
