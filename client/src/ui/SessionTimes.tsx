import { useTranslation } from "react-i18next";
import { intlLocale } from "../i18n/index.ts";
import { formatSessionTimes, viewerTimeZone } from "../lib/session-time.ts";

/** Props for {@link SessionTimes}. */
export interface SessionTimesProps {
  session: { startsAt: string; endsAt: string };
  /** The event's (venue's) IANA time zone. */
  timeZone: string;
  /** Show the day too (the agenda groups by day, so it omits it there). */
  withDay?: boolean;
}

/** A session's times at the venue, plus the viewer's own time when it differs. */
export function SessionTimes({ session, timeZone, withDay }: SessionTimesProps) {
  const { t, i18n } = useTranslation();
  const times = formatSessionTimes(session, timeZone, viewerTimeZone(), intlLocale(i18n.language));
  return (
    <p className="session-times">
      <span className="session-times__venue">
        <time dateTime={session.startsAt}>
          {withDay && `${times.venue.day} · `}
          {times.venue.range}
        </time>{" "}
        <span className="session-times__zone">{t("time.venue", { zone: times.venue.zone })}</span>
      </span>
      {times.viewer && (
        <span className="session-times__viewer">
          {t("time.yours")} {times.viewer.day} · {times.viewer.range} <span className="session-times__zone">({times.viewer.zone})</span>
        </span>
      )}
    </p>
  );
}
