import type { TSession } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { StaffConsoles } from "../consoles/StaffConsoles.tsx";
import { FloorPanel } from "../floor/FloorPanel.tsx";
import { QaPanel } from "../qa/QaPanel.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { SessionHeader } from "./SessionHeader.tsx";
import { JoinBlocked } from "./JoinBlocked.tsx";
import { roleFromQuery } from "./join-flow.ts";
import { SessionRoom } from "./SessionRoom.tsx";
import { useEventTimeZone } from "./useEventTimeZone.ts";
import { useJoinSession } from "./useJoinSession.ts";
import { useLiveSession } from "./useLiveSession.ts";

/** A session's page: its details and, once admitted, the live floor. `?as=` picks a staff role. */
export function SessionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useLiveSession(id);
  useDocumentTitle(session.data?.title ?? t("session.title"));

  if (session.status === "loading") return <Loading />;
  if (!session.data) {
    return (
      <Notice
        tone="error"
        title={session.error?.code === "NOT_FOUND" || session.error?.code === "BAD_REQUEST" ? t("session.notFound") : t("session.loadFailed")}
        actions={<Link to="/">{t("session.backToAgenda")}</Link>}
      >
        {session.error && errorText(t, session.error)}
      </Notice>
    );
  }
  return <SessionFloor session={session.data} />;
}

function SessionFloor({ session }: { session: TSession }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const role = roleFromQuery(params.get("as"));
  const timeZone = useEventTimeZone();
  const join = useJoinSession(session.id, role, session.status);
  const { state } = join;

  return (
    <article className="page session-page" aria-labelledby="session-title">
      <SessionHeader session={session} role={role} timeZone={timeZone} />
      <StaffConsoles session={session} />
      <section className="session-page__floor" aria-label={t("session.floor")}>
        {(state.kind === "waiting" || state.kind === "fetching") && <Loading label={t("session.joining")} />}
        {state.kind === "rejoining" && (
          <Notice tone="warning" title={t("session.rejoiningTitle")}>
            {t("session.rejoining", { count: Math.ceil(state.inMs / 1000) })}
          </Notice>
        )}
        {state.kind === "blocked" && <JoinBlocked reason={state.reason} session={session} timeZone={timeZone} onRetry={join.retry} />}
        {state.kind === "ready" && <SessionRoom key={state.attempt} sessionId={session.id} room={state.room} />}
      </section>
      {/* The speakers' list opens to participants once the session is live. */}
      {session.status === "LIVE" && <FloorPanel session={session} room={state.kind === "ready" ? state.room : undefined} />}
      {/* Keyed on the status: attendees may only follow Q&A once the session is live, so follow again when it opens. */}
      <QaPanel key={session.status} sessionId={session.id} />
    </article>
  );
}
