import { filterAgenda, type TSession } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useMediaQuery } from "../../lib/useMediaQuery.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAgenda } from "../agenda/useAgenda.ts";
import { OrganiserGate } from "./OrganiserGate.tsx";
import { SessionCards } from "./SessionCards.tsx";
import { SessionTable } from "./SessionTable.tsx";

/** Below this width the sessions table would hide its status and actions off screen, so it becomes cards. */
const NARROW = "(max-width: 47.99rem)";

/** The organiser's overview: every session with its status and the controls to open and close it. */
export function OrganiserPage() {
  return (
    <OrganiserGate>
      <SessionOverview />
    </OrganiserGate>
  );
}

function SessionOverview() {
  const { t } = useTranslation();
  const agenda = useAgenda();
  const narrow = useMediaQuery(NARROW);
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
  const Rows = narrow ? SessionCards : SessionTable;

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
      <Rows event={event} sessions={filterAgenda(sessions, {}, event.timezone)} onChanged={onChanged} />
    </section>
  );
}
