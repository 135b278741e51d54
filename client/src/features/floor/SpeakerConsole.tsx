import type { TLanguage, TMe, TSession } from "@plenary/shared";
import type { Room } from "livekit-client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { DeviceSelect } from "../stage/DeviceSelect.tsx";
import { LocalPreview } from "../stage/LocalPreview.tsx";
import { useDevices } from "../stage/useDevices.ts";
import type { FloorErrorCode } from "./floor-follower.ts";
import { floorErrorKey, floorLanguages, preferredFloorLanguage, type FloorContext } from "./floor-format.ts";
import type { FloorDevices } from "./floor-media.ts";
import { FloorAnnouncer } from "./FloorAnnouncer.tsx";
import { FloorHolders } from "./FloorHolders.tsx";
import { FloorMessages } from "./FloorMessages.tsx";
import { LastOutcome, QueuedFloor } from "./FloorRequestStatus.tsx";
import { FloorTimer } from "./FloorTimer.tsx";
import { RequestFloorForm } from "./RequestFloorForm.tsx";
import { queuePosition } from "./speakers-list.ts";
import type { UseFloor } from "./useFloor.ts";
import { useFloorMedia } from "./useFloorMedia.ts";

/** Props for {@link SpeakerConsole}. */
export interface SpeakerConsoleProps {
  session: TSession;
  me: TMe;
  floor: UseFloor;
  room: Room | undefined;
}

/**
 * The speaker's controls: camera and microphone with a preview and a level meter, the language
 * they speak, Go live (taking the floor, then publishing once LiveKit allows it) and Stop (yielding
 * it), slides, the timer, and the chair's messages. Once the chair has taken the floor back, the
 * speaker asks for it like anyone else.
 */
export function SpeakerConsole({ session, me, floor, room }: SpeakerConsoleProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { follower, view } = floor;
  const { media, snapshot } = useFloorMedia(room);
  const devices = useDevices();
  const [selected, setSelected] = useState<FloorDevices>({});
  const offered = floorLanguages(session.languages);
  const [language, setLanguage] = useState<TLanguage>(() => preferredFloorLanguage(offered, { interfaceLanguage: i18n.language, preferredLanguage: me.preferredLanguage }));
  const [error, setError] = useState<{ code: FloorErrorCode; context: FloorContext }>();
  const level = useAudioLevel(snapshot.mic?.mediaStreamTrack);

  const mine = view.mine;
  const holding = mine?.status === "GRANTED";
  const holder = holding ? view.state?.holders.find((h) => h.requestId === mine.requestId) : undefined;
  const others = (view.state?.holders ?? []).filter((h) => h !== holder);
  const chairMuted = holder?.muted ?? false;
  const { state } = snapshot;
  const live = state === "live";
  const sessionLive = session.status === "LIVE";

  const { refresh } = devices;
  useEffect(refresh, [snapshot.mic, refresh]);
  useEffect(() => void media?.setChairMuted(chairMuted), [media, chairMuted]);
  // The floor ended (taken back, the timer, a drop-out): stop sending and let go of the devices.
  const wasHolding = useRef(false);
  useEffect(() => {
    if (wasHolding.current && !holding) void media?.release();
    wasHolding.current = holding;
  }, [holding, media]);

  const choose = (patch: FloorDevices) => {
    const next = { ...selected, ...patch };
    setSelected(next);
    if (snapshot.mic) void media?.open(next, true);
  };
  const goLive = async () => {
    if (!follower || !media) return;
    setError(undefined);
    // The devices open while the floor is being taken: both must be ready before publishing.
    const opening = media.open(selected, true);
    if (!holding) {
      const ack = await follower.take(language);
      if ("error" in ack) return setError({ code: ack.error.code, context: "take" });
    }
    await opening;
    await media.goLive();
  };
  const stop = async () => {
    if (!follower || !media) return;
    await media.release();
    const ack = await follower.yieldFloor();
    setError("error" in ack ? { code: ack.error.code, context: "yield" } : undefined);
  };
  const stateKey = live && (snapshot.selfMuted || chairMuted) ? "muted" : state;
  const mayGoLive = holding || view.canTake;

  return (
    <div className="stage-layout speaker-console">
      <div className="stage-layout__preview">
        <LocalPreview track={snapshot.camera} />
        <LevelMeter label={t("floor.media.level")} testId="speaker-mic-level" {...level} />
        {holder && (
          <div className="speaker-console__timer">
            <span className="speaker-console__timer-label">{t("speaker.timerTitle")}</span>
            <FloorTimer holder={holder} offsetMs={view.offsetMs} className="floor-timer--large" />
          </div>
        )}
        <FloorHolders holders={others} offsetMs={view.offsetMs} />
      </div>
      <div className="stage-layout__controls">
        <FloorAnnouncer own={{ status: mine?.status, endReason: mine?.endReason, position: queuePosition(view.state, mine), muted: holder?.muted }} />
        <div className="field">
          <label htmlFor={`${id}-language`} className="field__label">
            {t("speaker.language")}
          </label>
          <LanguageSelect id={`${id}-language`} languages={offered} value={language} disabled={holding} onChange={(l) => setLanguage(offered.find((o) => o === l) ?? language)} data-testid="speaker-language" />
        </div>
        <p className={`stage-status floor-media-state--${stateKey}`} role="status" data-testid="speaker-state" data-state={state}>
          <span className="stage-status__dot floor-media-state__dot" aria-hidden="true" />
          {t(`speaker.state.${stateKey}`)}
        </p>
        {chairMuted && <Notice tone="warning">{t("floor.media.mutedByChair")}</Notice>}
        {snapshot.problem && <Notice tone="error">{t(`floor.media.problem.${snapshot.problem}`)}</Notice>}
        {error && <Notice tone="error">{t(floorErrorKey(error.code, error.context))}</Notice>}
        {!sessionLive && <Notice tone="info">{t("speaker.notLive")}</Notice>}

        {sessionLive && !mayGoLive && mine?.status !== "QUEUED" && (
          <>
            <Notice tone="info">{t("speaker.heldBack")}</Notice>
            <LastOutcome mine={mine?.status === "DECLINED" ? mine : null} />
            {follower && <RequestFloorForm languages={offered} defaultLanguage={language} onRequest={(l, topic) => follower.request(l, topic)} />}
          </>
        )}
        {sessionLive && mine?.status === "QUEUED" && follower && <QueuedFloor follower={follower} mine={mine} position={queuePosition(view.state, mine)} />}

        <div className="stage-actions">
          {!snapshot.mic && (
            <button type="button" className="button button--secondary" disabled={!media || state === "opening"} onClick={() => void media?.open(selected, true)}>
              {t("speaker.startPreview")}
            </button>
          )}
          {!live && (
            <button
              type="button"
              className="button button--live"
              data-testid="speaker-go-live"
              disabled={!media || !follower || !sessionLive || !mayGoLive || state === "waiting"}
              onClick={() => void goLive()}
            >
              {t("speaker.goLive")}
            </button>
          )}
          <button type="button" className="button button--secondary" data-testid="speaker-stop" disabled={!live && !holding} onClick={() => void stop()}>
            {t("speaker.stop")}
          </button>
          {live && (
            <button type="button" className="button button--secondary" disabled={chairMuted} onClick={() => void media?.setSelfMuted(!snapshot.selfMuted)} data-testid="speaker-mute">
              {snapshot.selfMuted || chairMuted ? t("floor.media.unmute") : t("floor.media.mute")}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={snapshot.sharing}
            disabled={!live || !holder?.screenShare}
            onClick={() => void media?.setScreenShare(!snapshot.sharing)}
            data-testid="speaker-screen-share"
          >
            {t("speaker.shareScreen")}
          </button>
        </div>
        <p className="field__hint">{t("speaker.shareHint")}</p>
        <DeviceSelect id={`${id}-camera`} label={t("floor.media.camera")} devices={devices.cameras} value={selected.videoDeviceId} onChange={(videoDeviceId) => choose({ videoDeviceId })} />
        <DeviceSelect id={`${id}-mic`} label={t("floor.media.microphone")} devices={devices.audioInputs} value={selected.audioDeviceId} onChange={(audioDeviceId) => choose({ audioDeviceId })} />
        {!devices.labelled && <p className="field__hint">{t("stage.labelsHidden")}</p>}
        <FloorMessages messages={view.messages} />
      </div>
    </div>
  );
}
