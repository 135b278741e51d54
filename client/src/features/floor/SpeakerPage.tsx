import type { TMe, TSession } from "@plenary/shared";
import { RoomContext } from "@livekit/components-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { AudioUnlock, ConnectionStatus } from "../session/ConnectionStatus.tsx";
import { FloorAudio } from "../session/FloorAudio.tsx";
import { JoinBlocked } from "../session/JoinBlocked.tsx";
import { useEventTimeZone } from "../session/useEventTimeZone.ts";
import { useJoinSession } from "../session/useJoinSession.ts";
import { useLiveSession } from "../session/useLiveSession.ts";
import { SpeakerConsole } from "./SpeakerConsole.tsx";
import { useFloor } from "./useFloor.ts";

/**
 * The speaker view: a session speaker joins the room as `speaker`, previews camera and microphone,
 * goes live (taking the floor) and stops, shares slides, and sees the timer and the chair's
 * messages. The chair can mute them or take the floor back, as for anyone else.
 */
export function SpeakerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { me } = useAuth();
  const session = useLiveSession(id);
  useDocumentTitle(t("speaker.title"));

  if (me === undefined || session.status === "loading") return <Loading />;
  if (me === null) {
    return (
      <Notice tone="info" title={t("speaker.signinTitle")} actions={<Link className="button button--primary" to={loginPathFor(location.pathname)}>{t("session.blocked.signinAction")}</Link>} />
    );
  }
  if (!session.data) return <Notice tone="error" title={t("session.notFound")} actions={<Link to="/">{t("session.backToAgenda")}</Link>} />;
  const isSpeaker = me.roles.some((r) => r.sessionId === id && r.role === "SPEAKER");

  return (
    <article className="page speaker-page" aria-labelledby="speaker-title">
      <header className="stage-header">
        <p className="session-header__back">
          <Link to={`/sessions/${id}?as=speaker`}>{t("speaker.backToSession")}</Link>
        </p>
        <h1 id="speaker-title">{t("speaker.title")}</h1>
        <p className="stage-header__session">
          <StatusBadge status={session.data.status} /> <bdi>{session.data.title}</bdi> · <bdi>{session.data.room}</bdi>
        </p>
      </header>
      {isSpeaker ? (
        // Keyed on the status: a speaker may take the floor once the session is live, so follow again then.
        <SpeakerRoom key={session.data.status} session={session.data} me={me} />
      ) : (
        <Notice tone="warning" title={t("speaker.notSpeakerTitle")} actions={<Link to={`/sessions/${id}`}>{t("speaker.backToSession")}</Link>}>
          {t("speaker.notSpeakerBody")}
        </Notice>
      )}
    </article>
  );
}

function SpeakerRoom({ session, me }: { session: TSession; me: TMe }) {
  const join = useJoinSession(session.id, "speaker", session.status, "speak");
  const floor = useFloor(session.id);
  const timeZone = useEventTimeZone();
  const { state } = join;
  const room = state.kind === "ready" ? state.room : undefined;
  return (
    <>
      {state.kind === "blocked" && <JoinBlocked reason={state.reason} session={session} timeZone={timeZone} onRetry={join.retry} />}
      {room && (
        <RoomContext value={room}>
          <div className="session-room__bar">
            <ConnectionStatus />
            <FloorAudio player={state.kind === "ready" ? state.floor : undefined} />
          </div>
          <AudioUnlock />
        </RoomContext>
      )}
      <SpeakerConsole session={session} me={me} floor={floor} room={room} />
    </>
  );
}
