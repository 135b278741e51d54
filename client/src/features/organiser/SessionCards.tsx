import type { TEvent, TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { intlLocale } from "../../i18n/index.ts";
import { formatSessionTimes } from "../../lib/session-time.ts";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { RoomFact } from "../session/SessionDetails.tsx";
import { StatusActions } from "./StatusActions.tsx";

/** Props for {@link SessionCards} and the table it stands in for. */
export interface SessionRowsProps {
  event: TEvent;
  sessions: readonly TSession[];
  onChanged(session: TSession): void;
}

/** The organiser's sessions on a narrow screen: one card each, status and actions in reach. */
export function SessionCards({ event, sessions, onChanged }: SessionRowsProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="organiser-cards" aria-label={t("organiser.tableCaption", { event: event.title })} data-testid="organiser-cards">
      {sessions.map((session) => {
        const { venue } = formatSessionTimes(session, event.timezone, event.timezone, intlLocale(i18n.language));
        const titleId = `organiser-card-${session.id}`;
        return (
          <li key={session.id}>
            <article className="organiser-card" aria-labelledby={titleId}>
              <div className="organiser-card__top">
                <StatusBadge status={session.status} />
                <span className="organiser-card__when">
                  {venue.day} · {venue.range}
                </span>
              </div>
              <h2 id={titleId} className="organiser-card__title">
                <Link to={`/organiser/sessions/${session.id}`}>
                  <bdi>{session.title}</bdi>
                </Link>
              </h2>
              <dl className="session-details__facts">
                <RoomFact room={session.room} />
              </dl>
              <StatusActions session={session} onChanged={onChanged} />
            </article>
          </li>
        );
      })}
    </ul>
  );
}
