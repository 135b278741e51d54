import { useRoomContext } from "@livekit/components-react";
import { FLOOR, type TChannel, type TChannelStatus } from "@plenary/shared";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../../ui/Notice.tsx";
import { ChannelPicker } from "./ChannelPicker.tsx";
import { effectiveChannel, loadChoice, loadStrategy, pauseAnnouncement, saveChoice, type ListenerChoice } from "./channels.ts";
import { useInterpretation } from "./useInterpretation.ts";
import { useListenerController } from "./useListenerController.ts";

/**
 * The session page's interpretation: follows the channel states, lets the listener pick one, and
 * plays exactly that (ListenerController) in the page's LiveKit room. The choice is remembered
 * for the next session. `volume` is the player's (0..1, 0 when muted): it scales every channel.
 */
export function ListenerChannels({ sessionId, volume = 1 }: { sessionId: string; volume?: number }) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const { follower, view } = useInterpretation(sessionId);
  const [wanted, setWanted] = useState<ListenerChoice>(loadChoice);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const channel = effectiveChannel(view.state, wanted.channel);
  const choice = useMemo(() => ({ channel, floorLevel: wanted.floorLevel }), [channel, wanted.floorLevel]);
  const [options] = useState(() => loadStrategy());
  const { mix } = useListenerController({ room, state: view.state, choice, volume, options });

  // The server counts listeners per channel: tell it once the state is known, and on every change.
  const hasState = view.state !== undefined;
  useEffect(() => {
    if (!follower || !hasState) return;
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the select request starts here, so its pending state does too
    setBusy(true);
    void follower.select(channel).then((ack) => {
      if (!current) return;
      setBusy(false);
      setError("error" in ack ? ack.error.code : undefined);
    });
    return () => {
      current = false;
    };
  }, [follower, hasState, channel]);

  const announcement = useAnnouncement(channel, mix.status);
  const choose = (next: ListenerChoice) => {
    setWanted(next);
    saveChoice(next);
  };

  if (!view.state || view.state.channels.length === 0) return null;
  const paused = channel !== FLOOR && mix.status === "paused";
  return (
    <section className="listener-channels" aria-label={t("interpretation.listen.title")} data-testid="listener-channels" data-channel={channel} data-status={mix.status}>
      <ChannelPicker
        channels={view.state.channels}
        channel={channel}
        floorLevel={wanted.floorLevel}
        // An interpreter on air in this channel hears the floor at full level, not under themselves.
        underInterpreter={mix.interpreter !== null}
        busy={busy}
        onChannel={(c) => choose({ ...wanted, channel: c })}
        onFloorLevel={(floorLevel) => choose({ ...wanted, floorLevel })}
      />
      {paused && (
        <p className="listener-channels__paused" data-testid="interpretation-paused">
          {t("interpretation.listen.pausedNotice")}
        </p>
      )}
      {mix.status === "floor" && channel !== FLOOR && <p className="listener-channels__hint">{t("interpretation.listen.floorIsChannel")}</p>}
      {mix.ownVoice && (
        <p className="listener-channels__hint" data-testid="interpretation-own-channel">
          {t("interpretation.listen.ownChannel")}
        </p>
      )}
      {error && <Notice tone="error">{t("interpretation.listen.selectFailed")}</Notice>}
      <p className="visually-hidden" aria-live="polite" data-testid="interpretation-announcement">
        {announcement ? t(`interpretation.listen.announce.${announcement}`) : ""}
      </p>
    </section>
  );
}

/** The last pause/resume of the chosen channel, kept until the next one (no chatter on switches). */
function useAnnouncement(channel: TChannel, status: TChannelStatus): "paused" | "resumed" | undefined {
  const previous = useRef<{ channel: TChannel; status: TChannelStatus }>(undefined);
  const [said, setSaid] = useState<"paused" | "resumed">();
  useEffect(() => {
    const next = pauseAnnouncement(previous.current, { channel, status });
    if (previous.current?.channel !== channel) setSaid(undefined);
    if (next) setSaid(next);
    previous.current = { channel, status };
  }, [channel, status]);
  return said;
}
