import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConsoleChooser } from "../consoles/ConsoleChooser.tsx";
import { SessionDetails } from "../session/SessionDetails.tsx";
import { sessionCalendarUrl } from "./api.ts";

/** Props for {@link SessionCard}. */
export interface SessionCardProps {
  session: TSession;
  timeZone: string;
}

/** One agenda entry: the session's details, a calendar link, Join when live, and staff's consoles. */
export function SessionCard({ session, timeZone }: SessionCardProps) {
  const { t } = useTranslation();
  const live = session.status === "LIVE";
  const titleId = `session-${session.id}-title`;
  return (
    <article className={live ? "session-card session-card--live" : "session-card"} aria-labelledby={titleId}>
      <SessionDetails
        session={session}
        timeZone={timeZone}
        heading={
          <h3 id={titleId} className="session-card__title">
            <Link to={`/sessions/${session.id}`}>
              <bdi>{session.title}</bdi>
            </Link>
          </h3>
        }
      />
      <div className="session-card__actions">
        {live && (
          <Link className="button button--primary" to={`/sessions/${session.id}`} aria-describedby={titleId}>
            {t("agenda.join")}
          </Link>
        )}
        <ConsoleChooser session={session} describedBy={titleId} />
        <a className="button button--quiet" href={sessionCalendarUrl(session.id)} download aria-describedby={titleId}>
          {t("agenda.addToCalendar")}
        </a>
      </div>
    </article>
  );
}
