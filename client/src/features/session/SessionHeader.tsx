import type { TJoinRole, TSession } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatList } from "../../i18n/format.ts";
import { languageName } from "../../lib/languages.ts";
import { SessionTimes } from "../../ui/SessionTimes.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { sessionCalendarUrl } from "../agenda/api.ts";

/** Props for {@link SessionTitle} and {@link SessionInfo}. */
export interface SessionHeaderProps {
  session: TSession;
  role: TJoinRole;
  timeZone: string | undefined;
}

/**
 * The line under the player: status, type, the role the user joins as, and the title (the page's
 * heading). The session opening or closing is announced once, politely.
 */
export function SessionTitle({ session, role }: Omit<SessionHeaderProps, "timeZone">) {
  const { t } = useTranslation();
  const announcement = useStatusAnnouncement(session.status);
  return (
    <header className="session-title">
      <div className="session-details__badges">
        <StatusBadge status={session.status} />
        <span className="badge badge--type">{t(`sessionTypes.${session.type}`)}</span>
        {role !== "attendee" && <span className="badge badge--role">{t("session.joinedAs", { role: t(`roles.${role}`) })}</span>}
      </div>
      <h1 id="session-title">
        <bdi>{session.title}</bdi>
      </h1>
      <p className="visually-hidden" aria-live="polite" data-testid="session-status-announcement">
        {announcement}
      </p>
    </header>
  );
}

/** What the session is beyond its title: times, room, languages, description, and its links. */
export function SessionInfo({ session, role, timeZone }: SessionHeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="session-info" data-testid="session-info">
      {timeZone && <SessionTimes session={session} timeZone={timeZone} withDay />}
      <dl className="session-details__facts">
        <div>
          <dt>{t("session.room")}</dt>
          <dd>
            <bdi>{session.room}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("session.languages")}</dt>
          <dd>{formatList(session.languages.map((l) => languageName(l, i18n.language)), i18n.language)}</dd>
        </div>
      </dl>
      {session.description && (
        <p className="session-details__description">
          <bdi>{session.description}</bdi>
        </p>
      )}
      <p className="session-header__links">
        <Link to="/">{t("session.backToAgenda")}</Link>
        <a href={sessionCalendarUrl(session.id)} download>
          {t("agenda.addToCalendar")}
        </a>
        {role === "stage" && <Link to={`/sessions/${session.id}/stage`}>{t("session.openStage")}</Link>}
        {role === "interpreter" && <Link to={`/sessions/${session.id}/booth`}>{t("session.openBooth")}</Link>}
        {role === "speaker" && <Link to={`/sessions/${session.id}/speak`}>{t("speaker.openSpeaker")}</Link>}
      </p>
    </div>
  );
}

/** "The session is live now" / "has ended" once the status changes while the page is open; nothing on load. */
function useStatusAnnouncement(status: TSession["status"]): string {
  const { t } = useTranslation();
  const [seen, setSeen] = useState({ status, changed: false });
  if (seen.status !== status) setSeen({ status, changed: true });
  return seen.changed ? t(`session.statusAnnouncement.${status}`) : "";
}
