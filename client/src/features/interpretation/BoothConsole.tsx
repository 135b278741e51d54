import { FLOOR, type TChannel, type TLanguage } from "@plenary/shared";
import { RoomEvent } from "livekit-client";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { BoothChat } from "./BoothChat.tsx";
import { BoothOnAir } from "./BoothOnAir.tsx";
import { BoothSource } from "./BoothSource.tsx";
import { boothView } from "./booth.ts";
import type { BoothController } from "./booth-controller.ts";
import { RelayMap } from "./RelayMap.tsx";
import { useBoothActions } from "./useBoothActions.ts";
import { useBoothController } from "./useBoothController.ts";
import { useInterpretation } from "./useInterpretation.ts";
import { useListenerController } from "./useListenerController.ts";

/** Props for {@link BoothConsole}. */
export interface BoothConsoleProps {
  sessionId: string;
  language: TLanguage;
  userId: string;
}

/** The console proper: on air, source, audience, handover, slow-down, chat and the relay map. */
export function BoothConsole({ sessionId, language, userId }: BoothConsoleProps) {
  const { t, i18n } = useTranslation();
  const { follower, view } = useInterpretation(sessionId, { console: true });
  const [controller, media] = useBoothController(sessionId, true);
  const booth = view.booths ? boothView(view.booths, language, userId) : undefined;
  const [volume, setVolume] = useState(100);
  const relay: TChannel = booth?.me?.relay ?? FLOOR;
  // eslint-disable-next-line react-hooks/preserve-manual-memoization -- one choice object per relay, so the controller is told only when the relay changes
  const choice = useMemo(() => ({ channel: relay, floorLevel: 0 }), [relay]);
  const source = useListenerController({ room: controller.liveKitRoom, state: view.state, choice, volume: volume / 100, options: { playFloor: true } });
  const actions = useBoothActions(sessionId, follower, controller);
  const canPlay = useCanPlayAudio(controller);

  const micWanted = Boolean(booth?.onAir && booth.me?.micOpen);
  useEffect(() => void controller.setOnAir(micWanted), [controller, micWanted]);

  if (!view.booths && view.problem) return <Notice tone="error">{t("interpretation.booth.syncFailed")}</Notice>;
  if (!view.booths || !booth) return <Loading label={t("interpretation.booth.loading")} />;
  const languages = view.booths.booths.map((b) => b.language);

  return (
    <div className="booth-console" data-testid="booth-console">
      <div className="booth-console__status">
        <p className="booth-audience" data-testid="booth-audience" data-count={booth.booth.listeners}>
          {t("interpretation.booth.audience", { count: booth.booth.listeners, language: languageName(language, i18n.language) })}
        </p>
        <p className={`connection-state connection-state--${media.connection === "connected" ? "connected" : "connecting"}`} data-testid="booth-connection" data-state={media.connection}>
          <span className="connection-state__dot" aria-hidden="true" />
          {t(`interpretation.booth.connection.${media.connection}`)}
          {media.reconnecting && ` · ${t("connection.reconnecting")}`}
        </p>
        <button type="button" className="button button--secondary booth-button" onClick={() => void actions.slowDown()} disabled={actions.busy} data-testid="booth-slow-down">
          {t("interpretation.booth.slowDown")}
        </button>
      </div>
      {media.problem && <Notice tone="error">{t(`interpretation.booth.problem.${media.problem}`)}</Notice>}
      {!canPlay && (
        <div className="banner banner--info">
          <p>{t("session.audioBlocked")}</p>
          <button type="button" className="button button--primary" onClick={() => void controller.liveKitRoom.startAudio()}>
            {t("session.unmuteAudio")}
          </button>
        </div>
      )}
      {booth.bothMicsOpen && (
        <Notice tone="error" testId="both-mics-open">
          {t("interpretation.booth.bothMicsOpen")}
        </Notice>
      )}
      {booth.floorIsOurs && <Notice tone="info">{t("interpretation.booth.floorIsOurs", { language: languageName(language, i18n.language) })}</Notice>}
      {actions.error && <Notice tone="error">{t(`interpretation.booth.error.${actions.error}`)}</Notice>}
      <p className="visually-hidden" role="status">
        {actions.done ? t(`interpretation.booth.done.${actions.done}`) : ""}
      </p>
      <div className="booth-console__grid">
        <BoothOnAir view={booth} sending={media.sending} busy={actions.busy} onAction={(a) => void actions.act(a)} onCough={actions.cough} />
        <BoothSource
          language={language}
          languages={languages}
          relay={relay}
          fallback={booth.relayFallback}
          track={source.primary}
          volume={volume}
          busy={actions.busy}
          onRelay={(s) => void actions.relay(s)}
          onVolume={setVolume}
        />
        <BoothChat messages={view.chat} myUserId={userId} onSend={actions.chat} />
        <RelayMap state={view.booths} language={language} />
      </div>
    </div>
  );
}

/** Whether the browser lets the booth's room play sound yet (autoplay policy). */
function useCanPlayAudio(controller: BoothController): boolean {
  const room = controller.liveKitRoom;
  const subscribe = useCallback(
    (onChange: () => void) => {
      room.on(RoomEvent.AudioPlaybackStatusChanged, onChange);
      return () => void room.off(RoomEvent.AudioPlaybackStatusChanged, onChange);
    },
    [room],
  );
  return useSyncExternalStore(subscribe, () => room.canPlaybackAudio);
}
