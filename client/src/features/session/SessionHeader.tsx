import type { TJoinRole, TSession } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sessionCalendarUrl } from "../agenda/api.ts";
import { SessionBadges, SessionDetails } from "./SessionDetails.tsx";

/**
 * The compact line above the player: status, type, the role the user joins as, and the title (the
 * page's heading), so the person sees which session this is on the first screen of a laptop or a
 * phone. The session opening or closing is announced once, politely.
 */
export function SessionTitle({ session, role }: { session: TSession; role: TJoinRole }) {
  const { t } = useTranslation();
  const announcement = useStatusAnnouncement(session.status);
  return (
    <header className="session-title" data-testid="session-title">
      <SessionBadges session={session} badge={role !== "attendee" && <span className="badge badge--role">{t("session.joinedAs", { role: t(`roles.${role}`) })}</span>} />
      <h1 id="session-title">
        <bdi>{session.title}</bdi>
      </h1>
      <p className="visually-hidden" aria-live="polite" data-testid="session-status-announcement">
        {announcement}
      </p>
    </header>
  );
}

/**
 * What the session is beyond its title: times, room, languages, description, and its links. The
 * consoles are not among them: "Your consoles" is the one way in to each.
 */
export function SessionInfo({ session, timeZone }: { session: TSession; timeZone: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="session-info" data-testid="session-info">
      <SessionDetails session={session} timeZone={timeZone} withDay />
      <p className="session-header__links">
        <Link to="/">{t("session.backToAgenda")}</Link>
        <a href={sessionCalendarUrl(session.id)} download>
          {t("agenda.addToCalendar")}
        </a>
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
