import { LISTEN_TOKEN_KEY } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { useApiQuery } from "../../lib/useApiQuery.ts";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher.tsx";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { fetchSession } from "../session/api.ts";
import { ChannelPicker } from "./ChannelPicker.tsx";
import { useListen } from "./useListen.ts";

/** A guest token travels in the URL fragment, which browsers never send to a server or in a Referer. */
const tokenFrom = (hash: string): string | undefined => new URLSearchParams(hash.replace(/^#/, "")).get(LISTEN_TOKEN_KEY) ?? undefined;

/** Why the page cannot play, in the order it should be explained. */
type Blocker = "not-found" | "link" | "signin" | "not-live" | "ended" | "media-off" | "connect";

/**
 * The listen-only page: audio of one channel of a session, small and quick on a phone. Reached
 * with a guest link from the QR code in the room, or signed in. Nothing is played until the
 * listener taps "Tap to start audio", which phones require anyway.
 */
export function ListenPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const location = useLocation();
  const token = tokenFrom(location.hash);
  // Polled only until the session is live: then the room itself says when it ends (it is deleted).
  const [known, setKnown] = useState<string | undefined>();
  const session = useApiQuery(`listen:${sessionId}`, (signal) => fetchSession(sessionId, signal), { refreshMs: known !== "LIVE" ? 20_000 : undefined });
  const status = session.data?.status;
  if (status !== known) setKnown(status);
  const listen = useListen(sessionId, token, status === "LIVE");
  const { media } = listen;
  const level = useAudioLevel(media.audioStarted ? media.heardTrack : undefined);
  useDocumentTitle(session.data ? `${t("listen.title")} · ${session.data.title}` : t("listen.title"));

  const blocker: Blocker | undefined =
    session.error?.code === "NOT_FOUND"
      ? "not-found"
      : token && (media.problem === "signin" || media.problem === "removed" || listen.problem === "UNAUTHENTICATED")
        ? "link"
        : media.problem === "signin" || listen.problem === "UNAUTHENTICATED"
          ? "signin"
          : status === "ENDED" || media.problem === "ended"
            ? "ended"
            : status === "SCHEDULED" || media.problem === "not-live"
              ? "not-live"
              : media.problem === "media-off"
                ? "media-off"
                : media.problem
                  ? "connect"
                  : undefined;
  const paused = listen.status === "paused" && listen.channel !== "floor";

  return (
    <main className="listen" data-testid="listen-page" data-hearing={media.hearing} data-audio-started={media.audioStarted}>
      <header className="listen__header">
        <p className="listen__eyebrow">{t("listen.title")}</p>
        <h1 className="listen__title">
          <bdi>{session.data?.title ?? t("common.loading")}</bdi>
        </h1>
        {session.data && (
          <p className="listen__meta">
            <span className={`listen__live listen__live--${status === "LIVE" ? "on" : "off"}`} data-testid="listen-live">
              <span className="listen__dot" aria-hidden="true" />
              {status === "LIVE" ? t("listen.live") : t(`sessionStatus.${session.data.status}`)}
            </span>
            <bdi>{session.data.room}</bdi>
          </p>
        )}
        <LanguageSwitcher />
      </header>

      {/* Always in the page, so that a change of its text is announced; near the top, where a phone shows it. */}
      <p className="listen__notice" role="status" aria-live="polite" data-testid="listen-notice">
        {blocker ? "" : paused ? t("listen.paused") : listen.status === "floor" && listen.channel !== "floor" ? t("listen.floorLanguage") : ""}
      </p>
      {blocker ? (
        <Notice
          tone={blocker === "not-live" ? "info" : "warning"}
          title={t(`listen.blocked.${blocker}.title`)}
          testId="listen-blocked"
          actions={
            blocker === "signin" ? (
              <Link className="button button--primary" to={loginPathFor(location.pathname)}>
                {t("listen.blocked.signin.action")}
              </Link>
            ) : blocker === "connect" ? (
              <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
                {t("common.tryAgain")}
              </button>
            ) : undefined
          }
        >
          {t(`listen.blocked.${blocker}.body`)}
        </Notice>
      ) : (
        <>
          {!media.audioStarted && (
            <button type="button" className="button button--primary listen__start" data-testid="listen-start-audio" onClick={listen.startAudio}>
              {/* One run of text, the icon bound to the first word, so a wrapped label never strands it. */}
              <span className="listen__start-label">
                <span aria-hidden="true">▶</span>
                {"\u00a0"}
                {t("listen.startAudio")}
              </span>
            </button>
          )}
          {media.audioStarted && <LevelMeter label={t(`listen.hearing.${media.hearing}`)} testId="listen-level" {...level} />}
          {listen.state && <ChannelPicker state={listen.state} channel={listen.channel} onSelect={listen.select} />}
          <label className="listen__volume">
            <span>{t("listen.volume")}</span>
            <input type="range" min={0} max={100} step={5} value={Math.round(media.volume * 100)} onChange={(e) => listen.setVolume(Number(e.target.value) / 100)} data-testid="listen-volume" />
          </label>
          {media.connection !== "connected" && media.connection !== "idle" && <p className="listen__connection">{t(`listen.connection.${media.connection}`)}</p>}
        </>
      )}
    </main>
  );
}
