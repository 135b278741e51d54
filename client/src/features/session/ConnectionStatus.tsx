import { ConnectionState } from "livekit-client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePlayback } from "./usePlayback.ts";
import { useRoomConnectionState } from "./useRoomConnectionState.ts";

const isReconnecting = (state: ConnectionState) => state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting;

/**
 * The room's connection state as a small indicator. Not a live region: connecting and connected
 * at every join would only chatter; {@link ReconnectingBanner} says what matters.
 */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useRoomConnectionState();
  return (
    <p className={`connection-state connection-state--${state}`} data-testid="connection-state" data-state={state}>
      <span className="connection-state__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}

/**
 * A banner while LiveKit reconnects, and one polite announcement when it drops and one when it is
 * back (never for the first connection).
 */
export function ReconnectingBanner() {
  const { t } = useTranslation();
  const state = useRoomConnectionState();
  const reconnecting = isReconnecting(state);
  // Whether this room has ever dropped: only then is "connected" news worth announcing.
  const [dropped, setDropped] = useState(false);
  if (reconnecting && !dropped) setDropped(true);
  const announcement = reconnecting ? t("connection.reconnectingBanner") : dropped && state === ConnectionState.Connected ? t("connection.reconnected") : "";
  return (
    <>
      {reconnecting && (
        <div className="banner banner--warning" data-testid="reconnecting-banner">
          {t("connection.reconnectingBanner")}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="connection-announcement">
        {announcement}
      </p>
    </>
  );
}

/** "Unmute audio" when the browser blocked autoplay; one click starts playback (and metering). */
export function AudioUnlock() {
  const { t } = useTranslation();
  const { canPlay, start } = usePlayback();
  if (canPlay) return null;
  return (
    <div className="audio-unlock" data-testid="audio-blocked">
      <p>{t("session.audioBlocked")}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="start-audio"
        onClick={start}
      >
        {t("session.unmuteAudio")}
      </button>
    </div>
  );
}
