import type { TJoinRole, TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sessionCalendarUrl } from "../agenda/api.ts";
import { SessionDetails } from "./SessionDetails.tsx";

/** Props for {@link SessionHeader}. */
export interface SessionHeaderProps {
  session: TSession;
  role: TJoinRole;
  timeZone: string | undefined;
}

/** The session page's header: the session's details, the role the user joins as, and its links. */
export function SessionHeader({ session, role, timeZone }: SessionHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="session-header">
      <p className="session-header__back">
        <Link to="/">{t("session.backToAgenda")}</Link>
      </p>
      <SessionDetails
        session={session}
        timeZone={timeZone}
        withDay
        announceStatus
        badge={role !== "attendee" && <span className="badge badge--role">{t("session.joinedAs", { role: t(`roles.${role}`) })}</span>}
        heading={
          <h1 id="session-title">
            <bdi>{session.title}</bdi>
          </h1>
        }
      />
      <p className="session-header__links">
        <a href={sessionCalendarUrl(session.id)} download>
          {t("agenda.addToCalendar")}
        </a>
        {role === "stage" && <Link to={`/sessions/${session.id}/stage`}>{t("session.openStage")}</Link>}
        {role === "interpreter" && <Link to={`/sessions/${session.id}/booth`}>{t("session.openBooth")}</Link>}
        {role === "speaker" && <Link to={`/sessions/${session.id}/speak`}>{t("speaker.openSpeaker")}</Link>}
      </p>
    </header>
  );
}
