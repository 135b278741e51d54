// Bots that speak and hear test tones through a real livekit-server, for tests and benches about
// who hears what: a publisher sends a sine on a microphone track, a listener runs every frame it
// receives through the Goertzel detector. Both are plain @livekit/rtc-node participants.
import { EventEmitter } from "node:events";
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type LocalTrackPublication,
  type RemoteTrack,
  type RoomOptions,
} from "@livekit/rtc-node";
import { analyseFrame, sineFrame, type ToneFrame } from "./goertzel.ts";

const SAMPLE_RATE = 48_000;
const FRAME_SAMPLES = 480; // 10 ms
// rtc-node queues 1 s by default, so a tone change would reach the wire a second late. A short
// queue keeps it close, but a queue shorter than the longest event-loop stall of a busy test
// process runs dry and sends silence: 200 ms is the compromise.
const QUEUE_MS = 200;

/** A participant publishing a sine as its microphone (48 kHz mono, 10 ms frames). */
export interface TonePublisher {
  readonly room: Room;
  /** The current publication, or undefined while unpublished. */
  readonly publication: LocalTrackPublication | undefined;
  /** The track being sent (a new one per `publish()`). */
  readonly track: LocalAudioTrack | undefined;
  /** Publishes the microphone track (again after an unpublish); resolves with its publication. */
  publish(): Promise<LocalTrackPublication>;
  /** Unpublishes the microphone track; the sine keeps being generated. */
  unpublish(): Promise<void>;
  /** Sends silence instead of the tone, keeping the track published. */
  pause(): void;
  resume(): void;
  /** Changes the tone from the next frame on; returns `performance.now()` at the change. */
  setFrequency(hz: number): number;
  /** Stops generating, unpublishes and disconnects. */
  close(): Promise<void>;
}

/** Connects with `token` and starts publishing a sine at `hz` (amplitude 0.3 of full scale unless told). */
export async function startTonePublisher(options: { url: string; token: string; hz: number; amplitude?: number; trackName?: string; publish?: boolean; queueMs?: number }): Promise<TonePublisher> {
  const { url, token, amplitude = 0.3, trackName = "microphone" } = options;
  const room = new Room();
  await room.connect(url, token, { autoSubscribe: false, dynacast: false });
  const source = new AudioSource(SAMPLE_RATE, 1, options.queueMs ?? QUEUE_MS);
  let hz = options.hz;
  let paused = false;
  let running = true;
  let publication: LocalTrackPublication | undefined;
  let track: LocalAudioTrack | undefined;

  // Real-time pacing comes from the source: captureFrame waits while its queue is full.
  const loop = (async () => {
    for (let sample = 0; running; sample += FRAME_SAMPLES) {
      const data = sineFrame(SAMPLE_RATE, FRAME_SAMPLES, paused ? [] : [{ hz, amplitude }], sample);
      await source.captureFrame(new AudioFrame(data, SAMPLE_RATE, 1, FRAME_SAMPLES)).catch(() => undefined);
    }
  })();
  // The server unpublishes on its own when publish rights are revoked.
  room.on(RoomEvent.LocalTrackUnpublished, (unpublished: LocalTrackPublication | undefined) => {
    // rtc-node passes undefined when unpublishTrack already forgot the publication.
    if (unpublished?.sid === publication?.sid) publication = undefined;
  });

  const bot: TonePublisher = {
    room,
    get publication() {
      return publication;
    },
    get track() {
      return track;
    },
    async publish() {
      track = LocalAudioTrack.createAudioTrack(trackName, source);
      const publishOptions = new TrackPublishOptions();
      publishOptions.source = TrackSource.SOURCE_MICROPHONE;
      publication = await room.localParticipant!.publishTrack(track, publishOptions);
      return publication;
    },
    async unpublish() {
      if (publication?.sid) await room.localParticipant!.unpublishTrack(publication.sid);
      publication = undefined;
    },
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    setFrequency(next) {
      hz = next;
      return performance.now();
    },
    async close() {
      running = false;
      await loop;
      await room.disconnect().catch(() => undefined);
      await source.close();
    },
  };
  if (options.publish !== false) await bot.publish();
  return bot;
}

/** Receives audio tracks and keeps one analysed `ToneFrame` per received frame. */
export interface ToneListener {
  /** Every analysed frame so far, in arrival order, from every stream listened to. */
  readonly frames: ToneFrame[];
  /** Starts reading `track`; its frames are labelled `label` (the track sid unless told). */
  listen(track: RemoteTrack, label?: string): void;
  /** Stops reading the stream labelled `label`. */
  stopListening(label: string): Promise<void>;
  /** Resolves with the first frame from now on that satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (frame: ToneFrame) => boolean, timeoutMs?: number): Promise<ToneFrame>;
  close(): Promise<void>;
}

/** A listener analysing `frequencies` in every frame of the tracks it is given. */
export function createToneListener(frequencies: readonly number[]): ToneListener {
  const frames: ToneFrame[] = [];
  const events = new EventEmitter();
  const readers = new Map<string, ReadableStreamDefaultReader<AudioFrame>>();
  const read = async (reader: ReadableStreamDefaultReader<AudioFrame>, label: string) => {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const frame = next.value;
      const analysed = analyseFrame(frame.data, frame.sampleRate, frequencies, performance.now(), label);
      frames.push(analysed);
      events.emit("frame", analysed);
    }
  };
  const listener: ToneListener = {
    frames,
    listen(track, label = track.sid!) {
      const reader = new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1, frameSizeMs: 10 }).getReader();
      readers.set(label, reader);
      read(reader, label).catch(() => undefined);
    },
    async stopListening(label) {
      const reader = readers.get(label);
      readers.delete(label);
      await reader?.cancel().catch(() => undefined);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (events.off("frame", check), reject(new Error(`no matching frame within ${timeoutMs} ms`))), timeoutMs);
        const check = (frame: ToneFrame) => {
          if (!predicate(frame)) return;
          clearTimeout(timer);
          events.off("frame", check);
          resolve(frame);
        };
        events.on("frame", check);
      });
    },
    async close() {
      await Promise.all([...readers.keys()].map((label) => listener.stopListening(label)));
    },
  };
  return listener;
}

/**
 * Joins as a listening participant. With `autoListen` (the default) every audio track it gets
 * subscribed to is listened to, labelled by the publisher's identity.
 */
export async function joinToneListener(options: { url: string; token: string; frequencies: readonly number[]; autoSubscribe?: boolean; autoListen?: boolean; roomOptions?: Partial<RoomOptions> }) {
  const room = new Room();
  const listener = createToneListener(options.frequencies);
  if (options.autoListen !== false) {
    room.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
      if (track.kind === TrackKind.KIND_AUDIO) listener.listen(track, participant.identity);
    });
  }
  await room.connect(options.url, options.token, { autoSubscribe: options.autoSubscribe ?? true, dynacast: false, ...options.roomOptions });
  return {
    room,
    listener,
    async close() {
      await listener.close();
      await room.disconnect().catch(() => undefined);
    },
  };
}
