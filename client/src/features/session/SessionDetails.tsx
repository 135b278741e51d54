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
  /**
   * The title, as the page needs it: a linked entry on the agenda, a line in an invitation. Left
   * out, the badges go too: the live page shows both in its compact title above the player.
   */
  heading?: ReactNode;
  /** The event's time zone; times are left out until it is known. */
  timeZone: string | undefined;
  /** Show the day with the times (the agenda groups by day, so it omits it there). */
  withDay?: boolean;
  /** A further badge, e.g. the role the user joined as. */
  badge?: ReactNode;
  /** Further facts for the same list (`<div><dt/><dd/></div>` each), e.g. an invitation's event, role and booth. */
  facts?: ReactNode;
}

/**
 * What a session is: status, type, title, times, room, languages and description. The one
 * rendering of a session's details, on the agenda, the live page and an invitation.
 */
export function SessionDetails({ session, heading, timeZone, withDay, badge, facts }: SessionDetailsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {heading !== undefined && <SessionBadges session={session} badge={badge} />}
      {heading}
      {timeZone && <SessionTimes session={session} timeZone={timeZone} withDay={withDay} />}
      <dl className="session-details__facts">
        <RoomFact room={session.room} />
        <Fact label={t("session.languages")}>{formatList(session.languages.map((l) => languageName(l, i18n.language)), i18n.language)}</Fact>
        {facts}
      </dl>
      {session.description && (
        <p className="session-details__description">
          <bdi>{session.description}</bdi>
        </p>
      )}
    </>
  );
}

/** One fact of a session's `<dl>`: a term and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The room a session is held in (a name typed by the organiser, in any script). */
export function RoomFact({ room }: { room: string }) {
  const { t } = useTranslation();
  return (
    <Fact label={t("session.room")}>
      <bdi>{room}</bdi>
    </Fact>
  );
}

/** A session's status and type, and `badge` (the role the user joined as) after them. */
export function SessionBadges({ session, badge }: { session: Pick<TSession, "status" | "type">; badge?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="session-details__badges">
      <StatusBadge status={session.status} />
      <span className="badge badge--type">{t(`sessionTypes.${session.type}`)}</span>
      {badge}
    </div>
  );
}
