// Pure tone detection for audio tests: which test tones a frame of PCM carries, and where in a
// sequence of frames a tone starts, stops, overlaps another or leaves a gap. No LiveKit here, so
// it is unit-tested on synthetic frames.

/**
 * Amplitude (0..1 of full scale) of `hz` in `samples` (signed 16-bit PCM, mono), by the
 * Goertzel algorithm. A pure sine of amplitude A at `hz` reads about A whatever its phase; a tone
 * 100 Hz away reads under 0.1·A over 10 ms frames.
 */
export function goertzelLevel(samples: Int16Array, sampleRate: number, hz: number): number {
  const n = samples.length;
  if (n === 0) return 0;
  // The generalised form: `hz` need not fall on a DFT bin of this frame length.
  const w = (2 * Math.PI * hz) / sampleRate;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = samples[i]! / 32768 + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const re = s1 - s2 * Math.cos(w);
  const im = s2 * Math.sin(w);
  return (2 * Math.sqrt(re * re + im * im)) / n;
}

/** Root mean square of a frame, 0..1 of full scale: tells silence from sound that is no test tone. */
export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += (s / 32768) ** 2;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/** One analysed frame as a listener received it. */
export interface ToneFrame {
  /** `performance.now()` when the frame reached the listener, in ms. */
  t: number;
  /** Which stream it came from (a track sid or a label the test chose). */
  source: string;
  /** Amplitude per watched frequency. */
  levels: Record<number, number>;
  rms: number;
}

/** Analyses one frame for the watched frequencies. */
export function analyseFrame(samples: Int16Array, sampleRate: number, frequencies: readonly number[], t: number, source: string): ToneFrame {
  const levels: Record<number, number> = {};
  for (const hz of frequencies) levels[hz] = goertzelLevel(samples, sampleRate, hz);
  return { t, source, levels, rms: rms(samples) };
}

/** Level above which a frame counts as carrying a tone. Test tones are sent at 0.3 of full scale. */
export const HEARD_LEVEL = 0.05;

/** Whether `frame` carries `hz`. */
export const hears = (frame: ToneFrame, hz: number, threshold = HEARD_LEVEL) => (frame.levels[hz] ?? 0) >= threshold;

interface Window {
  /** Only frames at or after this time (ms, `performance.now()` clock). */
  after?: number;
  /** Only frames before this time. */
  before?: number;
  threshold?: number;
}

const within = (frames: readonly ToneFrame[], { after = -Infinity, before = Infinity }: Window) =>
  frames.filter((f) => f.t >= after && f.t < before);

/** The first frame in the window that carries `hz`, or undefined. */
export function firstHeard(frames: readonly ToneFrame[], hz: number, window: Window = {}): ToneFrame | undefined {
  return within(frames, window).find((f) => hears(f, hz, window.threshold));
}

/** The last frame in the window that carries `hz`, or undefined. */
export function lastHeard(frames: readonly ToneFrame[], hz: number, window: Window = {}): ToneFrame | undefined {
  return within(frames, window).findLast((f) => hears(f, hz, window.threshold));
}

/** How many frames in the window carry `hz`. */
export function countHeard(frames: readonly ToneFrame[], hz: number, window: Window = {}): number {
  return within(frames, window).filter((f) => hears(f, hz, window.threshold)).length;
}

/**
 * How a change from tone `from` to tone `to` sounded within a window, across every stream the
 * frames came from: `gapMs` is the silence between the last frame of `from` and the first of `to`,
 * `overlapMs` how long both were audible (from the first frame of `to` to the end of the last frame
 * of `from`). One of the two is always 0. Undefined when `to` is never heard.
 */
export function handoverGap(frames: readonly ToneFrame[], from: number, to: number, window: Window & { frameMs?: number } = {}) {
  const frameMs = window.frameMs ?? 10;
  const first = firstHeard(frames, to, window);
  if (!first) return undefined;
  const last = lastHeard(frames, from, window);
  if (!last) return { firstTo: first.t, lastFrom: undefined, gapMs: Infinity, overlapMs: 0 };
  const span = first.t - last.t;
  return {
    firstTo: first.t,
    lastFrom: last.t,
    gapMs: span > 0 ? Math.max(0, span - frameMs) : 0,
    overlapMs: span <= 0 ? -span + frameMs : 0,
  };
}

/** Median and 95th percentile of a list of numbers (nearest rank). */
export function percentiles(values: readonly number[]): { n: number; median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? NaN };
}

/** Synthesises a sine (or a mix of sines) as 16-bit PCM: the frames tone bots send and tests feed the detector. */
export function sineFrame(sampleRate: number, length: number, tones: readonly { hz: number; amplitude: number }[], startSample = 0): Int16Array {
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    let v = 0;
    for (const { hz, amplitude } of tones) v += amplitude * Math.sin((2 * Math.PI * hz * (startSample + i)) / sampleRate);
    out[i] = Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
  }
  return out;
}
