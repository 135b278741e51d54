import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { ListenerChannels } from "../interpretation/ListenerChannels.tsx";
import { AudioUnlock, ConnectionStatus, ReconnectingBanner } from "./ConnectionStatus.tsx";
import { FloorAudio } from "./FloorAudio.tsx";
import type { FloorPlayer } from "./floor-player.ts";
import { FloorView } from "./FloorView.tsx";
import { PlayerController, type PlayerAction } from "./player-controller.ts";
import { ShortcutsDialog } from "./ShortcutsDialog.tsx";
import { usePlayerShortcuts } from "./usePlayerShortcuts.ts";

const FLOOR_VIDEO = '[data-testid="floor-video"]';

/**
 * The floor as a player: the video with "Unmute audio" over it when the browser blocks sound, and
 * a control bar (mute, volume, level, connection, picture-in-picture, fullscreen, shortcuts).
 * The interpretation channel picker sits right under it; the player's volume scales every channel.
 */
export function Player({ sessionId, floor }: { sessionId: string; floor: FloorPlayer | undefined }) {
  const { t } = useTranslation();
  const [player] = useState(() => new PlayerController());
  const sound = useSyncExternalStore(player.subscribe, player.getSnapshot);
  const frame = useRef<HTMLDivElement>(null);
  const fullscreen = useIsFullscreen(frame);
  const [help, setHelp] = useState(false);
  const pipAvailable = typeof document !== "undefined" && document.pictureInPictureEnabled === true;

  const act = useCallback(
    (action: PlayerAction) => {
      switch (action) {
        case "mute":
          return player.toggleMute();
        case "volumeUp":
          return player.nudge(1);
        case "volumeDown":
          return player.nudge(-1);
        case "fullscreen":
          return void toggleFullscreen(frame.current);
        case "pictureInPicture":
          return void togglePictureInPicture(frame.current?.querySelector<HTMLVideoElement>(FLOOR_VIDEO));
        case "help":
          return setHelp(true);
      }
    },
    [player],
  );
  usePlayerShortcuts(act);
  const gain = PlayerController.gain(sound);

  return (
    <div className="player" ref={frame} data-testid="player">
      <div className="player__screen">
        <FloorView />
        <AudioUnlock />
      </div>
      <ReconnectingBanner />
      <div className="player__controls">
        <button
          type="button"
          className="player__button"
          aria-pressed={sound.muted}
          aria-keyshortcuts="M"
          onClick={() => act("mute")}
          data-testid="player-mute"
        >
          <SpeakerIcon muted={gain === 0} />
          <span className="visually-hidden">{t("player.mute")}</span>
        </button>
        <input
          type="range"
          className="player__volume"
          min={0}
          max={100}
          step={5}
          value={Math.round((sound.muted ? 0 : sound.volume) * 100)}
          aria-label={t("player.volume")}
          aria-valuetext={t("interpretation.listen.percent", { value: Math.round(gain * 100) })}
          onChange={(e) => player.setVolume(Number(e.target.value) / 100)}
          data-testid="player-volume"
        />
        <FloorAudio player={floor} muted={gain === 0} />
        <ConnectionStatus />
        <span className="player__spacer" />
        {pipAvailable && (
          <button type="button" className="player__button" aria-keyshortcuts="P" onClick={() => act("pictureInPicture")} data-testid="player-pip">
            <PipIcon />
            <span className="visually-hidden">{t("player.pictureInPicture")}</span>
          </button>
        )}
        <button type="button" className="player__button" aria-pressed={fullscreen} aria-keyshortcuts="F" onClick={() => act("fullscreen")} data-testid="player-fullscreen">
          <FullscreenIcon />
          <span className="visually-hidden">{t("player.fullscreen")}</span>
        </button>
        <button type="button" className="player__button" aria-keyshortcuts="?" onClick={() => act("help")} data-testid="player-help">
          <span aria-hidden="true">?</span>
          <span className="visually-hidden">{t("player.shortcuts.open")}</span>
        </button>
      </div>
      <ListenerChannels sessionId={sessionId} volume={gain} />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}

function useIsFullscreen(frame: RefObject<HTMLElement | null>): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const update = () => setOn(document.fullscreenElement !== null && document.fullscreenElement === frame.current);
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, [frame]);
  return on;
}

async function toggleFullscreen(element: HTMLElement | null): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await element?.requestFullscreen();
  } catch {
    // Refused by the browser (no user gesture, or not allowed in this frame): nothing to undo.
  }
}

async function togglePictureInPicture(video: HTMLVideoElement | null | undefined): Promise<void> {
  try {
    if (document.pictureInPictureElement) await document.exitPictureInPicture();
    else if (video && document.pictureInPictureEnabled) await video.requestPictureInPicture();
  } catch {
    // No video yet, or the browser refused: the button simply does nothing.
  }
}

const SpeakerIcon = ({ muted }: { muted: boolean }) => (
  <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className="player__icon">
    <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
    {muted ? <path d="M16 9l5 6m0-6l-5 6" stroke="currentColor" strokeWidth="2" fill="none" /> : <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" strokeWidth="2" fill="none" />}
  </svg>
);

const FullscreenIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className="player__icon">
    <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" stroke="currentColor" strokeWidth="2" fill="none" />
  </svg>
);

const PipIcon = () => (
  <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" className="player__icon">
    <rect x="3" y="5" width="18" height="14" rx="1.5" stroke="currentColor" strokeWidth="2" fill="none" />
    <rect x="12" y="12" width="7" height="5" fill="currentColor" />
  </svg>
);
