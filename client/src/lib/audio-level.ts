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
