import { useAudioPlayback } from "@livekit/components-react";
import { ConnectionState } from "livekit-client";
import { useTranslation } from "react-i18next";
import { resumeAudioContext } from "../../lib/audio-level.ts";
import { useRoomConnectionState } from "./useRoomConnectionState.ts";

/** The room's connection state as a small indicator, plus a banner while LiveKit reconnects. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useRoomConnectionState();
  const reconnecting = state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting;
  return (
    <>
      <p className={`connection-state connection-state--${state}`} data-testid="connection-state" data-state={state} role="status">
        <span className="connection-state__dot" aria-hidden="true" />
        {t(`connection.${state}`)}
      </p>
      {reconnecting && (
        <div className="banner banner--warning" role="alert">
          {t("connection.reconnectingBanner")}
        </div>
      )}
    </>
  );
}

/** "Unmute audio" when the browser blocked autoplay; one click starts playback (and metering). */
export function AudioUnlock() {
  const { t } = useTranslation();
  const { canPlayAudio, startAudio } = useAudioPlayback();
  if (canPlayAudio) return null;
  return (
    <div className="banner banner--info">
      <p>{t("session.audioBlocked")}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="start-audio"
        onClick={() => {
          resumeAudioContext();
          void startAudio();
        }}
      >
        {t("session.unmuteAudio")}
      </button>
    </div>
  );
}
