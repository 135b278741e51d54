import { type TAgendaResponse, type TSession, ZCreateSessionRequest, ZUpdateSessionRequest } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { errorText, fieldErrorTexts } from "../../i18n/errors.ts";
import { validateWith } from "../../lib/form-errors.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useAgenda } from "../agenda/useAgenda.ts";
import { createSession, updateSession } from "./api.ts";
import { OrganiserGate } from "./OrganiserGate.tsx";
import { RolesPanel } from "./RolesPanel.tsx";
import { emptySessionForm, type SessionFormValues, sessionFormValuesOf, sessionRequestOf } from "./session-form.ts";
import { SessionForm } from "./SessionForm.tsx";
import { SessionLinks } from "./SessionLinks.tsx";
import { StatusActions } from "./StatusActions.tsx";

/** `/organiser/sessions/new` and `/organiser/sessions/:id`: the session form, and for existing sessions, its staff. */
export function SessionEditorPage() {
  return (
    <OrganiserGate>
      <SessionEditor />
    </OrganiserGate>
  );
}

function SessionEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const agenda = useAgenda();
  useDocumentTitle(id ? t("organiser.editSession") : t("organiser.newSession"));
  if (agenda.status === "loading") return <Loading />;
  if (!agenda.data) return <Notice tone="error" title={t("agenda.loadFailed")}>{agenda.error && errorText(t, agenda.error)}</Notice>;
  const session = id ? agenda.data.sessions.find((s) => s.id === id) : undefined;
  if (id && !session) return <Notice tone="error" title={t("session.notFound")} actions={<Link to="/organiser">{t("organiser.backToList")}</Link>} />;
  return <Editor key={session?.id ?? "new"} agenda={agenda.data} session={session} onSaved={(s) => agenda.setData(withSession(agenda.data!, s))} />;
}

const withSession = (agenda: TAgendaResponse, session: TSession): TAgendaResponse => ({
  ...agenda,
  sessions: agenda.sessions.some((s) => s.id === session.id) ? agenda.sessions.map((s) => (s.id === session.id ? session : s)) : [...agenda.sessions, session],
});

function Editor({ agenda, session, onSaved }: { agenda: TAgendaResponse; session: TSession | undefined; onSaved(s: TSession): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [saved, setSaved] = useState<"created" | "updated" | undefined>(() => ((location.state as { created?: boolean } | null)?.created ? "created" : undefined));
  const { timezone } = agenda.event;
  const save = useSubmit(async (values: SessionFormValues) => {
    const body = sessionRequestOf(values, timezone);
    const invalid = validateWith(session ? ZUpdateSessionRequest : ZCreateSessionRequest, body);
    if (invalid) throw invalid;
    return session ? updateSession(session.id, body) : createSession(body);
  });

  const onSubmit = async (values: SessionFormValues) => {
    setSaved(undefined);
    const result = await save.run(values);
    if (!result) return;
    onSaved(result);
    if (session) setSaved("updated");
    else void navigate(`/organiser/sessions/${result.id}`, { replace: true, state: { created: true } });
  };

  const initial = session ? sessionFormValuesOf(session, timezone) : emptySessionForm(agenda.event.startDate);
  return (
    <section className="page page--narrow" aria-labelledby="editor-title">
      <p className="session-header__back">
        <Link to="/organiser">{t("organiser.backToList")}</Link>
      </p>
      <header className="page-header">
        <h1 id="editor-title">{session ? t("organiser.editSession") : t("organiser.newSession")}</h1>
        {session && <StatusBadge status={session.status} />}
      </header>
      {session && <SessionLinks session={session} />}
      {session && <StatusActions session={session} onChanged={onSaved} />}
      <div aria-live="polite">
        {save.error && <Notice tone="error">{errorText(t, save.error, { BAD_REQUEST: t("auth.fixFields") })}</Notice>}
        {saved && <Notice tone="success">{saved === "created" ? t("organiser.created") : t("organiser.saved")}</Notice>}
      </div>
      <SessionForm
        initial={initial}
        timeZone={timezone}
        errors={fieldErrorTexts(t, save.error)}
        pending={save.pending}
        submitLabel={session ? t("organiser.saveChanges") : t("organiser.createSession")}
        onSubmit={(v) => void onSubmit(v)}
      />
      {session && <RolesPanel session={session} />}
    </section>
  );
}
