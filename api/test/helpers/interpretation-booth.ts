// An interpreter bot: a booth console (a Socket.IO client) plus a microphone publishing a tone.
// An honest console opens its microphone when the booth state puts it on air and closes it when
// not; `unmuteAnyway` is what a tampered console does after the server muted it.
import type { Ack, TBoothsState, TLanguage } from "@plenary/shared";
import { RoomEvent } from "@livekit/rtc-node";
import type { Socket } from "socket.io-client";
import { muteLocalTrack } from "./rtc-ffi.ts";
import { startTonePublisher, type TonePublisher } from "./tones.ts";

export interface BoothBot {
  readonly userId: string;
  readonly hz: number;
  readonly publisher: TonePublisher;
  readonly onAir: boolean;
  take(): Promise<TBoothsState>;
  offer(): Promise<TBoothsState>;
  accept(): Promise<TBoothsState>;
  release(): Promise<TBoothsState>;
  /** Unmutes the microphone whatever the booth state says (a tampered client). */
  unmuteAnyway(): void;
  close(): Promise<void>;
}

export interface BoothBotOptions {
  url: string;
  token: string;
  /** A connected socket of the interpreter's own login. */
  socket: Socket;
  sessionId: string;
  userId: string;
  language: TLanguage;
  hz: number;
  /** An honest console follows the state; a tampered one never mutes itself. */
  honest?: boolean;
}

/** Joins the booth console and the room, publishing the tone with the microphone as the state says. */
export async function startBoothBot(options: BoothBotOptions): Promise<BoothBot> {
  const { socket, sessionId, userId, language, honest = true } = options;
  const publisher = await startTonePublisher({ url: options.url, token: options.token, hz: options.hz });
  let seq = -1;
  let onAir = false;

  const setMic = (open: boolean) => muteLocalTrack(publisher.track!, !open);
  function apply(booths: TBoothsState) {
    if (booths.sessionId !== sessionId || booths.seq < seq) return;
    seq = booths.seq;
    const was = onAir;
    onAir = booths.booths.find((b) => b.language === language)?.onAirUserId === userId;
    // On air, the console must open the microphone itself: the server mutes but cannot unmute.
    if (onAir && !was) setMic(true);
    if (!onAir && was && honest) setMic(false);
  }
  socket.on("interpretation:booths-changed", apply);
  // A server mute that was on its way before this interpreter went on air lands after the unmute.
  publisher.room.on(RoomEvent.TrackMuted, (_publication, participant) => {
    if (onAir && participant === publisher.room.localParticipant) setMic(true);
  });

  const request = async (event: string, payload: object = {}): Promise<TBoothsState> => {
    const ack: Ack<TBoothsState> = await socket.timeout(10_000).emitWithAck(event, { sessionId, ...payload });
    if ("error" in ack) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
    apply(ack.data);
    return ack.data;
  };
  const sync: Ack<{ booths: TBoothsState | null }> = await socket.timeout(10_000).emitWithAck("interpretation:sync", { sessionId, console: true });
  if ("error" in sync) throw new Error(`sync refused: ${sync.error.code}`);
  apply(sync.data.booths!);
  if (!onAir && honest) setMic(false);

  return {
    userId,
    hz: options.hz,
    publisher,
    get onAir() {
      return onAir;
    },
    take: () => request("interpretation:take"),
    offer: () => request("interpretation:offer"),
    accept: () => request("interpretation:accept"),
    release: () => request("interpretation:release"),
    unmuteAnyway: () => setMic(true),
    async close() {
      socket.off("interpretation:booths-changed", apply);
      await publisher.close();
    },
  };
}
