import type { TFloorHolder } from "@plenary/shared";
import type { Room } from "livekit-client";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { DeviceSelect } from "../stage/DeviceSelect.tsx";
import { LocalPreview } from "../stage/LocalPreview.tsx";
import { useDevices } from "../stage/useDevices.ts";
import { playFloorCue } from "./floor-cue.ts";
import type { FloorErrorCode, FloorFollower } from "./floor-follower.ts";
import { floorErrorKey } from "./floor-format.ts";
import type { FloorDevices } from "./floor-media.ts";
import { FloorTimer } from "./FloorTimer.tsx";
import { useFloorMedia } from "./useFloorMedia.ts";

/** Props for {@link GrantedFloor}. */
export interface GrantedFloorProps {
  follower: FloorFollower;
  /** This person as a holder in the public state (undefined until that state arrives). */
  holder: TFloorHolder | undefined;
  room: Room | undefined;
  offsetMs: number;
}

/**
 * What a participant sees once given the floor: the prompt and its sound cue, the timer, the
 * microphone (opened now, not before) with its level, the camera if the chair allows it, Go live,
 * mute, and Yield. Mounted only while they hold the floor: unmounting it (yielded, taken back)
 * unpublishes and releases the devices.
 */
export function GrantedFloor({ follower, holder, room, offsetMs }: GrantedFloorProps) {
  const { t } = useTranslation();
  const id = useId();
  const { media, snapshot } = useFloorMedia(room);
  const devices = useDevices();
  const [selected, setSelected] = useState<FloorDevices>({});
  const [error, setError] = useState<FloorErrorCode>();
  const level = useAudioLevel(snapshot.mic?.mediaStreamTrack);
  const chairMuted = holder?.muted ?? false;
  const cameraAllowed = holder?.camera ?? false;

  useEffect(() => void playFloorCue(), []);
  // The microphone opens as soon as the floor is given, so the level shows before going live.
  useEffect(() => void media?.open({}), [media]);
  useEffect(() => void media?.setChairMuted(chairMuted), [media, chairMuted]);
  // Device names become readable once the microphone is open.
  const { refresh } = devices;
  useEffect(refresh, [snapshot.mic, refresh]);

  const { state } = snapshot;
  const live = state === "live";
  const choose = (patch: FloorDevices) => {
    const next = { ...selected, ...patch };
    setSelected(next);
    void media?.open(next, Boolean(snapshot.camera));
  };
  const yieldFloor = async () => {
    await media?.release();
    const ack = await follower.yieldFloor();
    setError("error" in ack ? ack.error.code : undefined);
  };
  const stateKey = live && (snapshot.selfMuted || chairMuted) ? "muted" : state;

  return (
    <div className="floor-granted">
      <div className="floor-granted__prompt" data-testid="floor-granted-prompt">
        <p className="floor-granted__title">{t("floor.granted.title")}</p>
        {holder && <FloorTimer holder={holder} offsetMs={offsetMs} className="floor-timer--large" />}
        <p className="floor-granted__body">{room ? t("floor.granted.body") : t("floor.granted.noRoom")}</p>
      </div>
      {chairMuted && <Notice tone="warning">{t("floor.media.mutedByChair")}</Notice>}
      <div className="floor-granted__media">
        {snapshot.camera && <LocalPreview track={snapshot.camera} />}
        <LevelMeter label={t("floor.media.level")} testId="floor-mic-level" {...level} />
        <DeviceSelect id={`${id}-mic`} label={t("floor.media.microphone")} devices={devices.audioInputs} value={selected.audioDeviceId} onChange={(audioDeviceId) => choose({ audioDeviceId })} />
        {cameraAllowed && (
          <>
            <label className="floor-granted__check">
              <input type="checkbox" checked={Boolean(snapshot.camera)} disabled={!media} onChange={(e) => void media?.setCamera(e.target.checked, selected.videoDeviceId)} data-testid="floor-camera" />
              {t("floor.media.sendCamera")}
            </label>
            {snapshot.camera && (
              <DeviceSelect id={`${id}-camera`} label={t("floor.media.camera")} devices={devices.cameras} value={selected.videoDeviceId} onChange={(videoDeviceId) => choose({ videoDeviceId })} />
            )}
          </>
        )}
        {!devices.labelled && <p className="field__hint">{t("floor.media.labelsHidden")}</p>}
      </div>
      <p className={`floor-media-state floor-media-state--${stateKey}`} role="status" data-testid="floor-media-state" data-state={state}>
        <span className="floor-media-state__dot" aria-hidden="true" />
        {t(`floor.media.state.${stateKey}`)}
      </p>
      {snapshot.problem && <Notice tone="error">{t(`floor.media.problem.${snapshot.problem}`)}</Notice>}
      {error && <Notice tone="error">{t(floorErrorKey(error, "yield"))}</Notice>}
      <div className="floor-actions">
        {!live && (
          <button type="button" className="button button--live" onClick={() => void media?.goLive()} disabled={!media || state === "waiting"} data-testid="floor-go-live">
            {t("floor.media.goLive")}
          </button>
        )}
        {live && (
          <button
            type="button"
            className="button button--secondary"
            disabled={chairMuted}
            onClick={() => void media?.setSelfMuted(!snapshot.selfMuted)}
            data-testid="floor-mute"
          >
            {snapshot.selfMuted || chairMuted ? t("floor.media.unmute") : t("floor.media.mute")}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => void yieldFloor()} data-testid="floor-yield">
          {t("floor.media.yield")}
        </button>
      </div>
    </div>
  );
}
