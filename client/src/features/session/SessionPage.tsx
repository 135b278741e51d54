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
import { SessionInfo, SessionTitle } from "./SessionHeader.tsx";
import { type SessionTab, SessionTabs } from "./SessionTabs.tsx";
import { useWideLayout } from "./useWideLayout.ts";
import { JoinBlocked } from "./JoinBlocked.tsx";
import { roleFromQuery } from "./join-flow.ts";
import { SessionRoom } from "./SessionRoom.tsx";
import { useEventTimeZone } from "./useEventTimeZone.ts";
import { useJoinSession } from "./useJoinSession.ts";
import { useLiveSession } from "./useLiveSession.ts";

/**
 * A session's page: a compact title, then the floor (the player, once admitted), and Q&A and the
 * speakers' list beside it on wide screens, or under it as tabs (with the details) on a phone.
 * `?as=` picks a staff role.
 */
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
  const wide = useWideLayout();
  const { state } = join;
  const info = <SessionInfo session={session} timeZone={timeZone} />;
  // Short tab labels: three share a phone's width, in every language, on one line each.
  const tabs: SessionTab[] = [
    // Keyed on the status: attendees may follow Q&A once the session is live, and read it as an archive after.
    { id: "qa", label: t("session.tabs.qa"), content: <QaPanel key={session.status} sessionId={session.id} status={session.status} /> },
  ];
  // The speakers' list opens to participants once the session is live.
  if (session.status === "LIVE") tabs.push({ id: "floor", label: t("session.tabs.speakers"), content: <FloorPanel session={session} room={state.kind === "ready" ? state.room : undefined} /> });
  if (!wide) tabs.push({ id: "info", label: t("session.tabs.info"), content: info });

  return (
    <article className={`page session-page${wide ? " session-page--wide" : ""}`} aria-labelledby="session-title">
      <div className="session-page__main">
        <SessionTitle session={session} role={role} />
        <section className="session-page__floor" aria-label={t("session.floor")}>
          {(state.kind === "waiting" || state.kind === "fetching") && <Loading label={t("session.joining")} />}
          {state.kind === "rejoining" && (
            <Notice tone="warning" title={t("session.rejoiningTitle")} testId="session-rejoining">
              {t("session.rejoining", { count: Math.ceil(state.inMs / 1000) })}
            </Notice>
          )}
          {state.kind === "blocked" && <JoinBlocked reason={state.reason} session={session} timeZone={timeZone} onRetry={join.retry} />}
          {state.kind === "ready" && <SessionRoom key={state.attempt} sessionId={session.id} room={state.room} floor={state.floor} />}
        </section>
        <StaffConsoles session={session} />
        {wide && info}
      </div>
      <aside className="session-page__side" aria-label={t("session.sidePanel")}>
        <SessionTabs tabs={tabs} label={t("session.sidePanel")} stacked={wide} />
      </aside>
    </article>
  );
}
