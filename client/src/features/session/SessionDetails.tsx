import type { TSession } from "@plenary/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatList } from "../../i18n/format.ts";
import { languageName } from "../../lib/languages.ts";
import { SessionTimes } from "../../ui/SessionTimes.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";

/** Props for {@link SessionDetails}. */
export interface SessionDetailsProps {
  session: TSession;
  /** The title, as the page needs it: a linked entry on the agenda, the page's heading in the room. */
  heading: ReactNode;
  /** The event's time zone; times are left out until it is known. */
  timeZone: string | undefined;
  /** Show the day with the times (the agenda groups by day, so it omits it there). */
  withDay?: boolean;
  /** A further badge, e.g. the role the user joined as. */
  badge?: ReactNode;
  /** Announce status changes (on the page that follows the session live). */
  announceStatus?: boolean;
}

/** What a session is: status, type, title, times, room, languages and description. */
export function SessionDetails({ session, heading, timeZone, withDay, badge, announceStatus }: SessionDetailsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="session-details__badges" aria-live={announceStatus ? "polite" : undefined}>
        <StatusBadge status={session.status} />
        <span className="badge badge--type">{t(`sessionTypes.${session.type}`)}</span>
        {badge}
      </div>
      {heading}
      {timeZone && <SessionTimes session={session} timeZone={timeZone} withDay={withDay} />}
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
    </>
  );
}
