import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { languageName } from "../../lib/languages.ts";
import { SessionTimes } from "../../ui/SessionTimes.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { sessionCalendarUrl } from "./api.ts";

/** Props for {@link SessionCard}. */
export interface SessionCardProps {
  session: TSession;
  timeZone: string;
}

/** One agenda entry: status, type, title, times, room, languages, calendar link and Join when live. */
export function SessionCard({ session, timeZone }: SessionCardProps) {
  const { t, i18n } = useTranslation();
  const live = session.status === "LIVE";
  const titleId = `session-${session.id}-title`;
  return (
    <article className={live ? "session-card session-card--live" : "session-card"} aria-labelledby={titleId}>
      <div className="session-card__badges">
        <StatusBadge status={session.status} />
        <span className="badge badge--type">{t(`sessionTypes.${session.type}`)}</span>
      </div>
      <h3 id={titleId} className="session-card__title">
        <Link to={`/sessions/${session.id}`}>
          <bdi>{session.title}</bdi>
        </Link>
      </h3>
      <SessionTimes session={session} timeZone={timeZone} />
      <dl className="session-card__facts">
        <div>
          <dt>{t("session.room")}</dt>
          <dd>
            <bdi>{session.room}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("session.languages")}</dt>
          <dd>{session.languages.map((l) => languageName(l, i18n.language)).join(t("common.listSeparator"))}</dd>
        </div>
      </dl>
      {session.description && (
        <p className="session-card__description">
          <bdi>{session.description}</bdi>
        </p>
      )}
      <div className="session-card__actions">
        {live && (
          <Link className="button button--primary" to={`/sessions/${session.id}`} aria-describedby={titleId}>
            {t("agenda.join")}
          </Link>
        )}
        <a className="button button--quiet" href={sessionCalendarUrl(session.id)} download aria-describedby={titleId}>
          {t("agenda.addToCalendar")}
        </a>
      </div>
    </article>
  );
}
