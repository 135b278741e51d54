/** Level above which the floor counts as audible (about -40 dBFS RMS). */
export const AUDIBLE_LEVEL = 0.01;

/** Root-mean-square of time-domain samples in [-1, 1], clamped to 0..1. */
export function rmsLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.min(1, Math.sqrt(sum / samples.length));
}

/** How full to draw a meter for an RMS level: -60 dBFS is empty, 0 dBFS full, so speech fills it visibly. */
export function meterFraction(level: number): number {
  if (level <= 0) return 0;
  return Math.max(0, Math.min(1, (20 * Math.log10(level) + 60) / 60));
}

const FAST_SAMPLING_LIMIT_MS = 10_000;

let sharedContext: AudioContext | undefined;

/** The page's one AudioContext for metering, created on first use. */
export function audioContext(): AudioContext {
  sharedContext ??= new AudioContext();
  return sharedContext;
}

/**
 * Resumes metering audio after a user gesture (browsers suspend an AudioContext created before one).
 * Safe to call from any click handler.
 */
export function resumeAudioContext(): void {
  if (sharedContext?.state === "suspended") void sharedContext.resume().catch(() => undefined);
}

/** Options for {@link startLevelMeter}. */
export interface LevelMeterOptions {
  intervalMs?: number;
  /**
   * Faster interval used until the track is first audible, so "the floor is audible" (and the
   * join-time measurement) is known within a few milliseconds rather than a tenth of a second.
   */
  untilAudibleMs?: number;
  /** Injected for tests; defaults to the shared context. */
  context?: AudioContext;
}

/**
 * Measures a MediaStreamTrack's RMS level with a WebAudio AnalyserNode and reports it every
 * `intervalMs`. Returns a function that stops metering and releases the nodes.
 */
export function startLevelMeter(track: MediaStreamTrack, onLevel: (level: number) => void, options: LevelMeterOptions = {}): () => void {
  const context = options.context ?? audioContext();
  const stream = new MediaStream([track]);
  // Chromium feeds a remote WebRTC track to WebAudio only while a media element plays it; a muted
  // element may always play, so the meter works even before the user has unmuted the page.
  const keepAlive = new Audio();
  keepAlive.muted = true;
  keepAlive.srcObject = stream;
  void keepAlive.play().catch(() => undefined);

  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  if (context.state === "suspended") void context.resume().catch(() => undefined);

  const intervalMs = options.intervalMs ?? 100;
  // Fast sampling ends at the first audible frame, or after a while on a silent floor.
  const fastUntil = performance.now() + FAST_SAMPLING_LIMIT_MS;
  let fast = options.untilAudibleMs !== undefined;
  let timer: ReturnType<typeof setInterval>;
  const tick = () => {
    analyser.getFloatTimeDomainData(samples);
    const level = rmsLevel(samples);
    onLevel(level);
    if (fast && (level > AUDIBLE_LEVEL || performance.now() > fastUntil)) {
      fast = false;
      clearInterval(timer);
      timer = setInterval(tick, intervalMs);
    }
  };
  timer = setInterval(tick, options.untilAudibleMs ?? intervalMs);

  return () => {
    clearInterval(timer);
    source.disconnect();
    analyser.disconnect();
    keepAlive.pause();
    keepAlive.srcObject = null;
  };
}

/** A track's current level and when it was first heard. */
export interface AudioLevel {
  /** RMS level 0..1, updated about ten times a second. */
  level: number;
  /** `performance.now()` (rounded) when the level first exceeded {@link AUDIBLE_LEVEL}; undefined until then. */
  firstAudioMs: number | undefined;
  /** Heard within the last {@link AUDIBLE_HOLD_MS}, so the label does not flicker between words. */
  audible: boolean;
}

/** How long "audible" holds after the level drops. */
export const AUDIBLE_HOLD_MS = 1500;

/** Options for {@link LevelWatch}; the meter and clock are injectable for tests. */
export interface LevelWatchOptions {
  intervalMs?: number;
  meter?: typeof startLevelMeter;
  now?: () => number;
}

/**
 * Meters whichever track it is given, one at a time, and keeps what a level display needs: the
 * level, "audible" with a hold, and when sound was first heard, which survives a change of track
 * (the first audible frame of a join stays the first). Outside React, so a room's floor is metered
 * from the moment its track arrives; `useAudioLevel` is its hook.
 */
export class LevelWatch {
  private snapshot: AudioLevel = { level: 0, firstAudioMs: undefined, audible: false };
  private readonly listeners = new Set<() => void>();
  private track: MediaStreamTrack | undefined;
  private stopMeter: (() => void) | undefined;
  private lastAudible = -Infinity;

  constructor(private readonly options: LevelWatchOptions = {}) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AudioLevel => this.snapshot;

  /** Meters `track` from now on (undefined: nothing to meter, level 0); a no-op for the same track. */
  watch(track: MediaStreamTrack | undefined): void {
    if (track === this.track) return;
    this.stopMeter?.();
    this.stopMeter = undefined;
    this.track = track;
    if (!track) return this.set({ ...this.snapshot, level: 0, audible: false });
    // When a track first reaches the meter: splits "joined" from "audio pipeline" in bench/join-time.ts.
    if (this.snapshot.firstAudioMs === undefined) performance.mark("plenary:meter-start");
    try {
      // Until first heard, sample every 20 ms: the level is ~0 then, so this costs no renders.
      this.stopMeter = (this.options.meter ?? startLevelMeter)(track, this.onLevel, { intervalMs: this.options.intervalMs ?? 100, untilAudibleMs: 20 });
    } catch {
      // No Web Audio (very old browser): the meter simply stays at zero.
    }
  }

  private onLevel = (level: number): void => {
    const now = (this.options.now ?? (() => performance.now()))();
    let { firstAudioMs } = this.snapshot;
    if (level > AUDIBLE_LEVEL) {
      this.lastAudible = now;
      firstAudioMs ??= Math.round(now);
    }
    const audible = now - this.lastAudible < AUDIBLE_HOLD_MS;
    const s = this.snapshot;
    if (s.level !== level || s.audible !== audible || s.firstAudioMs !== firstAudioMs) this.set({ level, audible, firstAudioMs });
  };

  private set(snapshot: AudioLevel): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
