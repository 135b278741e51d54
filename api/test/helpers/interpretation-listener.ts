// A listener bot that follows the interpretation state exactly as a client must: it plays only
// what `playbackFor` names (the floor under the channel's on-air interpreter at the listener's
// level; the floor at full level when paused or when the floor is in the channel's language),
// and every frame it "plays" goes through the tone detector, so a test asserts what was heard.
import { EventEmitter } from "node:events";
import { playbackFor, type Ack, type TChannel, type TInterpretationState, type TSelectChannelResult } from "@plenary/shared";
import { AudioStream, Room, RoomEvent, TrackKind, type AudioFrame, type RemoteParticipant, type RemoteTrackPublication } from "@livekit/rtc-node";
import type { Socket } from "socket.io-client";
import { analyseFrame, rms, type ToneFrame } from "./goertzel.ts";
import { setPublicationEnabled } from "./rtc-ffi.ts";

const BOOTH_ATTRIBUTE = "plenary.booth";
/** Above this RMS a frame of the new voice is audible, and the old one may be cut. */
const AUDIBLE_RMS = 0.02;

/**
 * How interpreter tracks reach the listener:
 * - `subscribe`: only the named on-air interpreter is subscribed (subscribe on change);
 * - `gating`: every on-air interpreter of every channel streams, the bot plays one;
 * - `setEnabled`: every on-air interpreter is subscribed, all but the played one paused at the SFU;
 * - `booth`: every interpreter of the channel's booth streams (the off-air partner's microphone is
 *   muted, so it carries nothing), the bot plays the named one: a handover needs no new subscription.
 */
export type ListenStrategy = "subscribe" | "gating" | "setEnabled" | "booth";

export interface InterpretationListener {
  readonly room: Room;
  /** Every frame played so far (unless `keepFrames: false`); sources are "floor" or an interpreter's identity. */
  readonly frames: ToneFrame[];
  readonly channel: TChannel;
  readonly state: TInterpretationState | undefined;
  /** The interpreter identity being played now, or null for the floor alone. */
  readonly playing: string | null;
  /** Switches channel at once from the state held (the local switch), then tells the server. */
  select(channel: TChannel): Promise<{ localAt: number; ackAt: number }>;
  /** Calls `handler` with every frame played from now on; returns the way to stop. */
  onFrame(handler: (frame: ToneFrame) => void): () => void;
  /** Resolves with the first played frame from now on that satisfies `predicate`. */
  waitFor(predicate: (frame: ToneFrame) => boolean, timeoutMs?: number): Promise<ToneFrame>;
  /** Resolves once the state held satisfies `predicate`. */
  waitForState(predicate: (state: TInterpretationState) => boolean, timeoutMs?: number): Promise<TInterpretationState>;
  close(): Promise<void>;
}

export interface ListenerOptions {
  url: string;
  token: string;
  /** A connected socket of the listener's own login. */
  socket: Socket;
  sessionId: string;
  channel: TChannel;
  /** The floor's level under an interpreter, 0..1. */
  floorLevel: number;
  frequencies: readonly number[];
  strategy?: ListenStrategy;
  keepFrames?: boolean;
  /** Rate the received audio is resampled to before analysis (48 kHz unless told; load bots use less). */
  sampleRate?: number;
  /** How long the old voice may play while waiting for the new one's first audible frame. */
  cutAfterMs?: number;
}

/** Joins the room and the session's interpretation state, and starts playing `channel`. */
export async function joinInterpretationListener(options: ListenerOptions): Promise<InterpretationListener> {
  const { socket, sessionId, floorLevel, frequencies, strategy = "subscribe", cutAfterMs = 1000 } = options;
  const room = new Room();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const frames: ToneFrame[] = [];
  const readers = new Map<string, ReadableStreamDefaultReader<AudioFrame>>();
  const subscribed = new Map<string, boolean>();
  const enabled = new Map<string, boolean>();
  let channel = options.channel;
  let state: TInterpretationState | undefined;
  let playing: string | null = null;
  let floorGain = 1;
  // The voice being replaced keeps playing until the new one is audible, so a switch leaves no gap.
  let fading: { identity: string; timer: NodeJS.Timeout } | null = null;

  const isFloor = (p: RemoteParticipant) => !p.attributes[BOOTH_ATTRIBUTE];
  const cutFading = () => {
    if (!fading) return;
    clearTimeout(fading.timer);
    fading = null;
    reconcile();
  };

  /** Which remote tracks to receive and which to let the SFU forward, from what is played now. */
  function reconcile() {
    const voices = new Set([playing, fading?.identity].filter((v): v is string => !!v));
    const streaming = new Set(voices);
    if (strategy === "gating" || strategy === "setEnabled") for (const c of state?.channels ?? []) if (c.status === "live" && c.identity) for (const voice of [c.identity, c.standby]) if (voice) streaming.add(voice);
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        if (publication.kind !== TrackKind.KIND_AUDIO || !publication.sid) continue;
        const inBooth = strategy === "booth" && participant.attributes[BOOTH_ATTRIBUTE] === channel;
        const want = isFloor(participant) || inBooth || streaming.has(participant.identity);
        if (subscribed.get(publication.sid) !== want) {
          subscribed.set(publication.sid, want);
          publication.setSubscribed(want);
        }
        const forward = isFloor(participant) || voices.has(participant.identity);
        if (strategy === "setEnabled" && want && publication.track && enabled.get(publication.sid) !== forward) {
          enabled.set(publication.sid, forward);
          setPublicationEnabled(publication as RemoteTrackPublication, forward);
        }
      }
    }
  }

  function apply(next: TInterpretationState) {
    if (state && next.seq < state.seq) return;
    state = next;
    follow();
  }

  /** Applies the current state and channel: the one rule every client follows. */
  function follow() {
    if (!state) return;
    const { interpreter, status } = playbackFor(state, channel);
    floorGain = status === "live" ? floorLevel : 1;
    if (interpreter !== playing) {
      if (fading) clearTimeout(fading.timer);
      // Nobody on air: the old voice stops at once, the floor comes up.
      fading = playing && interpreter ? { identity: playing, timer: setTimeout(cutFading, cutAfterMs) } : null;
      playing = interpreter;
    }
    reconcile();
  }

  async function read(reader: ReadableStreamDefaultReader<AudioFrame>, participant: RemoteParticipant) {
    const floor = isFloor(participant);
    const label = floor ? "floor" : participant.identity;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const frame = next.value;
      const gain = floor ? floorGain : participant.identity === playing || participant.identity === fading?.identity ? 1 : 0;
      if (gain === 0) continue;
      if (!floor && participant.identity === playing && fading && rms(frame.data) > AUDIBLE_RMS) cutFading();
      const samples = gain === 1 ? frame.data : frame.data.map((s) => Math.round(s * gain));
      const played = analyseFrame(samples, frame.sampleRate, frequencies, performance.now(), label);
      if (options.keepFrames !== false) frames.push(played);
      events.emit("frame", played);
    }
  }

  room.on(RoomEvent.ParticipantConnected, reconcile);
  room.on(RoomEvent.TrackPublished, reconcile);
  room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind !== TrackKind.KIND_AUDIO || !publication.sid) return;
    const reader = new AudioStream(track, { sampleRate: options.sampleRate ?? 48_000, numChannels: 1, frameSizeMs: 10 }).getReader();
    readers.set(publication.sid, reader);
    read(reader, participant).catch(() => undefined);
    // setEnabled acts on a subscription, so a fresh one gets its forwarding decided now.
    enabled.delete(publication.sid);
    reconcile();
  });
  room.on(RoomEvent.TrackUnsubscribed, (_track, publication) => {
    const reader = readers.get(publication.sid!);
    readers.delete(publication.sid!);
    void reader?.cancel().catch(() => undefined);
  });
  const onState = (next: TInterpretationState) => next.sessionId === sessionId && apply(next);
  socket.on("interpretation:state-changed", onState);

  const tell = async (to: TChannel) => {
    const ack: Ack<TSelectChannelResult> = await socket.timeout(10_000).emitWithAck("interpretation:select", { sessionId, channel: to });
    if ("error" in ack) throw new Error(`select refused: ${ack.error.code}`);
    return ack.data.state;
  };
  await room.connect(options.url, options.token, { autoSubscribe: false, dynacast: false });
  apply(await tell(channel));

  const listener: InterpretationListener = {
    room,
    frames,
    get channel() {
      return channel;
    },
    get state() {
      return state;
    },
    get playing() {
      return playing;
    },
    async select(to) {
      const localAt = performance.now();
      channel = to;
      follow();
      apply(await tell(to));
      return { localAt, ackAt: performance.now() };
    },
    onFrame(handler) {
      events.on("frame", handler);
      return () => events.off("frame", handler);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const stop = listener.onFrame((frame) => {
          if (!predicate(frame)) return;
          stop();
          clearTimeout(timer);
          resolve(frame);
        });
        const timer = setTimeout(() => (stop(), reject(new Error(`no matching frame within ${timeoutMs} ms`))), timeoutMs);
      });
    },
    waitForState(predicate, timeoutMs = 10_000) {
      if (state && predicate(state)) return Promise.resolve(state);
      return new Promise((resolve, reject) => {
        const check = (next: TInterpretationState) => {
          if (next.sessionId !== sessionId || !state || !predicate(state)) return;
          socket.off("interpretation:state-changed", check);
          clearTimeout(timer);
          resolve(state);
        };
        const timer = setTimeout(() => (socket.off("interpretation:state-changed", check), reject(new Error(`state not reached within ${timeoutMs} ms`))), timeoutMs);
        socket.on("interpretation:state-changed", check);
      });
    },
    async close() {
      socket.off("interpretation:state-changed", onState);
      if (fading) clearTimeout(fading.timer);
      await Promise.all([...readers.values()].map((r) => r.cancel().catch(() => undefined)));
      await room.disconnect().catch(() => undefined);
    },
  };
  return listener;
}
