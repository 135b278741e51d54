import { daysBetween, filterAgenda, type TAgendaResponse } from "@plenary/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../i18n/errors.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { AgendaFilters } from "./AgendaFilters.tsx";
import { DayTabs } from "./DayTabs.tsx";
import { EventHeader } from "./EventHeader.tsx";
import { SessionCard } from "./SessionCard.tsx";
import { useAgenda } from "./useAgenda.ts";
import { useAgendaFilters } from "./useAgendaFilters.ts";

/** The event's agenda: day tabs, filters and session cards. */
export function AgendaPage() {
  const { t } = useTranslation();
  const agenda = useAgenda();
  useDocumentTitle(agenda.data?.event.title ?? t("header.agenda"));

  if (agenda.status === "loading") return <Loading label={t("agenda.loading")} />;
  if (!agenda.data) {
    return (
      <Notice
        tone="error"
        title={t("agenda.loadFailed")}
        actions={
          <button type="button" className="button button--secondary" onClick={agenda.reload}>
            {t("common.tryAgain")}
          </button>
        }
      >
        {agenda.error && errorText(t, agenda.error)}
      </Notice>
    );
  }
  return <Agenda data={agenda.data} />;
}

function Agenda({ data }: { data: TAgendaResponse }) {
  const { t } = useTranslation();
  const { event, sessions } = data;
  const days = useMemo(() => daysBetween(event.startDate, event.endDate), [event.startDate, event.endDate]);
  const [filters, setFilters] = useAgendaFilters(days, event.timezone);
  const visible = useMemo(() => filterAgenda(sessions, filters, event.timezone), [sessions, filters, event.timezone]);
  const panelId = "agenda-day-panel";

  return (
    <section className="page" aria-labelledby="agenda-title">
      <EventHeader event={event} />
      <DayTabs days={days} selected={filters.day} onSelect={(day) => setFilters({ day })} panelId={panelId} />
      <div id={panelId} role="tabpanel" aria-labelledby={filters.day ? `day-tab-${filters.day}` : undefined} className="agenda-panel">
        <AgendaFilters filters={filters} onChange={setFilters} />
        <p className="agenda-count" aria-live="polite">
          {t("agenda.count", { count: visible.length })}
        </p>
        {visible.length === 0 ? (
          <Notice tone="info" title={t("agenda.empty")}>
            {t("agenda.emptyHint")}
          </Notice>
        ) : (
          <ul className="session-list">
            {visible.map((session) => (
              <li key={session.id}>
                <SessionCard session={session} timeZone={event.timezone} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
