import { filterAgenda, type TSession } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { intlLocale } from "../../i18n/index.ts";
import { formatSessionTimes } from "../../lib/session-time.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useAgenda } from "../agenda/useAgenda.ts";
import { OrganiserGate } from "./OrganiserGate.tsx";
import { StatusActions } from "./StatusActions.tsx";

/** The organiser's overview: every session with its status and the controls to open and close it. */
export function OrganiserPage() {
  return (
    <OrganiserGate>
      <SessionTable />
    </OrganiserGate>
  );
}

function SessionTable() {
  const { t, i18n } = useTranslation();
  const agenda = useAgenda();
  const [announcement, setAnnouncement] = useState("");
  useDocumentTitle(t("organiser.title"));

  if (agenda.status === "loading") return <Loading />;
  if (!agenda.data) {
    return <Notice tone="error" title={t("agenda.loadFailed")}>{agenda.error && errorText(t, agenda.error)}</Notice>;
  }
  const { event, sessions } = agenda.data;
  const onChanged = (updated: TSession) => {
    agenda.setData({ event, sessions: sessions.map((s) => (s.id === updated.id ? updated : s)) });
    setAnnouncement(t("organiser.statusChanged", { title: updated.title, status: t(`sessionStatus.${updated.status}`) }));
  };

  return (
    <section className="page" aria-labelledby="organiser-title">
      <header className="page-header">
        <h1 id="organiser-title">{t("organiser.title")}</h1>
        <Link className="button button--primary" to="/organiser/sessions/new">
          {t("organiser.newSession")}
        </Link>
      </header>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("organiser.tableCaption", { event: event.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organiser.columns.session")}</th>
              <th scope="col">{t("organiser.columns.when")}</th>
              <th scope="col">{t("organiser.columns.room")}</th>
              <th scope="col">{t("organiser.columns.status")}</th>
              <th scope="col">{t("organiser.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {filterAgenda(sessions, {}, event.timezone).map((session) => {
              const { venue } = formatSessionTimes(session, event.timezone, event.timezone, intlLocale(i18n.language));
              return (
                <tr key={session.id}>
                  <th scope="row">
                    <Link to={`/organiser/sessions/${session.id}`}>
                      <bdi>{session.title}</bdi>
                    </Link>
                  </th>
                  <td>
                    {venue.day} · {venue.range}
                  </td>
                  <td className="table__nowrap">
                    <bdi>{session.room}</bdi>
                  </td>
                  <td>
                    <StatusBadge status={session.status} />
                  </td>
                  <td>
                    <StatusActions session={session} onChanged={onChanged} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
