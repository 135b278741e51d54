import type { TEvent } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";
import { formatEventDates } from "../../lib/session-time.ts";
import { AGENDA_CALENDAR_URL } from "./api.ts";

/** The event's title, venue and dates, with the whole-event calendar download. */
export function EventHeader({ event }: { event: TEvent }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="event-header">
      <div className="event-header__text">
        <h1 id="agenda-title">
          <bdi>{event.title}</bdi>
          {event.isSample && <span className="badge badge--sample">{t("agenda.sampleData")}</span>}
        </h1>
        <p className="event-header__meta">
          <bdi>{event.venue}</bdi>
          <span aria-hidden="true"> · </span>
          <bdi>{formatEventDates(event.startDate, event.endDate, intlLocale(i18n.language))}</bdi>
        </p>
      </div>
      <a className="button button--secondary" href={AGENDA_CALENDAR_URL} download>
        {t("agenda.addEventToCalendar")}
      </a>
    </header>
  );
}
