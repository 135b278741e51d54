import type { BrowserContext, Page } from "playwright-core";
import { analyseFrame, goertzelLevel, rms, type ToneFrame } from "../api/test/helpers/goertzel.ts";

// What a page really plays, run through the same Goertzel detector as the rtc-node listener bots.
// A page makes sound in two ways, and the tap follows both, from an init script that runs before
// any page script:
// - Web Audio: every node the page connects to an AudioContext's destination (what the speakers
//   get) is also connected to a recorder in that context, and disconnected with it. This is a copy
//   of the speakers' input, after every gain the app applied.
// - Media elements: every element given a MediaStream is followed; its stream is fed to the tap's
//   own context through a gain kept (on play, pause and volumechange, and at every tick) at what
//   the browser applies to the element's output: 0 when paused or muted, else its volume, read
//   through the original getters, so a page script that redefines `volume` cannot fool it.
// Every 10 ms the newest 20 ms (TAP_WINDOW_MS) of each path is analysed: frames are labelled
// "elements" or "webaudio-<n>", so a test also sees which path carried sound.

/** How much of the newest output each frame analyses, in ms. */
export const TAP_WINDOW_MS = 20;

/** What the page-side tap answers to. */
interface TapQuery {
  /** Only frames from this time on (the page's `performance.now()`). */
  after?: number;
  /** Only frames whose source starts with this. */
  source?: string;
  /** A frame carrying this tone: at least `min`, under `max`, and (unless `loudest: false`) the loudest watched tone. */
  hz?: number;
  min?: number;
  max?: number;
  loudest?: boolean;
}

interface PageTapApi {
  frames: ToneFrame[];
  find(query: TapQuery): number;
  count(query: TapQuery): number;
}

/** Runs in the page, before its own scripts; the detector's functions are in scope (see {@link installAudioTap}). */
function pageTap(frequencies: number[], windowMs: number, analyse: typeof analyseFrame) {
  const frames: ToneFrame[] = [];
  const connect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode, output?: number) => AudioNode;
  const disconnect = AudioNode.prototype.disconnect as (this: AudioNode, destination?: AudioNode) => void;
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "srcObject")!;
  const volumeOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "volume")!.get!;
  const mutedOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "muted")!.get!;
  const pausedOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "paused")!.get!;

  /** Buses whose newest `windowMs` are analysed at every tick, each after its own callback. */
  const recorders: { analyser: AnalyserNode; label: string; beforeTick?: () => void }[] = [];
  /** A mono bus in `context` whose input is analysed at every tick. */
  function recorder(context: BaseAudioContext, label: string, beforeTick?: () => void): GainNode {
    const bus = context.createGain();
    bus.channelCount = 1;
    bus.channelCountMode = "explicit";
    bus.channelInterpretation = "speakers";
    // An analyser reads what the audio thread rendered, always contiguous, however late the page's
    // timers run (a script processor on a busy main thread drops buffers, and the seams read as tones).
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    connect.call(bus, analyser);
    recorders.push({ analyser, label, beforeTick });
    return bus;
  }
  const samples = new Float32Array(2048);
  setInterval(() => {
    const t = performance.now();
    for (const { analyser, label, beforeTick } of recorders) {
      beforeTick?.();
      if (analyser.context.state !== "running") continue;
      analyser.getFloatTimeDomainData(samples);
      const length = Math.round((analyser.context.sampleRate * windowMs) / 1000);
      const raw = new Int16Array(length);
      const windowed = new Int16Array(length);
      for (let i = 0; i < length; i++) {
        const v = Math.max(-1, Math.min(1, samples[samples.length - length + i]!));
        raw[i] = Math.round(v * 32767);
        // A Hann window (gain 1/2, made up below) keeps 440 Hz out of the 550 Hz reading in 20 ms.
        windowed[i] = Math.round(v * 32767 * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (length - 1))));
      }
      const frame = analyse(windowed, analyser.context.sampleRate, frequencies, t, label);
      for (const hz of frequencies) frame.levels[hz]! *= 2;
      frame.rms = analyse(raw, analyser.context.sampleRate, [], t, label).rms;
      frames.push(frame);
    }
  }, 10);

  const buses = new WeakMap<BaseAudioContext, GainNode>();
  let contexts = 0;
  const busOf = (context: BaseAudioContext) => {
    let bus = buses.get(context);
    if (!bus) buses.set(context, (bus = recorder(context, `webaudio-${++contexts}`)));
    return bus;
  };
  const isSpeakers = (node: unknown): node is AudioDestinationNode => node instanceof AudioDestinationNode && node.context instanceof AudioContext;
  AudioNode.prototype.connect = function (this: AudioNode, destination: AudioNode, output?: number, input?: number) {
    const result = (connect as (...args: unknown[]) => AudioNode).call(this, destination, output, input);
    if (isSpeakers(destination)) connect.call(this, busOf(destination.context), output ?? 0);
    return result;
  } as typeof AudioNode.prototype.connect;
  AudioNode.prototype.disconnect = function (this: AudioNode, ...args: unknown[]) {
    (disconnect as (...a: unknown[]) => void).apply(this, args);
    if (isSpeakers(args[0])) {
      try {
        disconnect.call(this, busOf(args[0].context));
      } catch {
        // Not connected to the bus (connected before the tap saw it): nothing to undo.
      }
    }
  } as typeof AudioNode.prototype.disconnect;

  const followed = new Map<HTMLMediaElement, { stream: MediaStream | null; source?: MediaStreamAudioSourceNode; gain?: GainNode }>();
  let elementContext: AudioContext | undefined;
  let elementBus: GainNode | undefined;
  /** Brings every followed element's copy in line with what the browser plays of it now. */
  function sync() {
    for (const [element, copy] of followed) {
      const stream = srcObject.get!.call(element) as MediaStream | null;
      if (copy.stream !== stream) {
        copy.source?.disconnect();
        copy.gain?.disconnect();
        copy.stream = stream;
        copy.source = copy.gain = undefined;
        if (stream && stream.getAudioTracks().length > 0) {
          copy.source = elementContext!.createMediaStreamSource(stream);
          copy.gain = elementContext!.createGain();
          connect.call(copy.source, copy.gain);
          connect.call(copy.gain, elementBus!);
        }
      }
      const audible = !pausedOf.call(element) && !mutedOf.call(element);
      copy.gain?.gain.setValueAtTime(audible ? (volumeOf.call(element) as number) : 0, elementContext!.currentTime);
    }
  }
  Object.defineProperty(HTMLMediaElement.prototype, "srcObject", {
    ...srcObject,
    set(this: HTMLMediaElement, value: MediaProvider | null) {
      srcObject.set!.call(this, value);
      if (!elementContext) {
        elementContext = new AudioContext();
        elementBus = recorder(elementContext, "elements", sync);
        // Created before any gesture in a browser that blocks sound: it runs once the page may play.
        for (const event of ["pointerup", "touchend", "keyup"]) addEventListener(event, () => void elementContext!.resume(), true);
      }
      if (!followed.has(this)) {
        followed.set(this, { stream: null });
        for (const event of ["play", "pause", "volumechange"]) this.addEventListener(event, sync);
      }
      sync();
    },
  });

  const matches = (f: ToneFrame, q: TapQuery) => {
    if (q.after !== undefined && f.t < q.after) return false;
    if (q.source !== undefined && !f.source.startsWith(q.source)) return false;
    if (q.hz === undefined) return true;
    const level = f.levels[q.hz] ?? 0;
    if (level < (q.min ?? 0.05) || level >= (q.max ?? Infinity)) return false;
    return q.loudest === false || frequencies.every((hz) => (f.levels[hz] ?? 0) <= level);
  };
  const api: PageTapApi = {
    frames,
    find: (q) => frames.findIndex((f) => matches(f, q)),
    count: (q) => frames.filter((f) => matches(f, q)).length,
  };
  (window as unknown as { plenaryTap: PageTapApi }).plenaryTap = api;
}

/**
 * Installs the tap in every page of `context` (an init script, injected by the DevTools protocol:
 * the app's CSP, which forbids eval, does not apply to it). The detector is the very code the bots
 * use, its source put in scope ahead of the tap.
 */
export async function installAudioTap(context: BrowserContext, frequencies: readonly number[]): Promise<void> {
  // esbuild may wrap named functions in __name(); the page has no such helper.
  const content = `(() => { const __name = (f) => f;\n${goertzelLevel}\n${rms}\n${analyseFrame}\n(${pageTap})(${JSON.stringify(frequencies)}, ${TAP_WINDOW_MS}, analyseFrame); })();`;
  await context.addInitScript({ content });
}

/**
 * Makes the page's media elements ignore `volume`, as iOS Safari does (it always reads 1 and only
 * the hardware buttons change the level): what the app does there is what it does here.
 */
export async function ignoreElementVolume(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    Object.defineProperty(HTMLMediaElement.prototype, "volume", { configurable: true, get: () => 1, set: () => undefined });
  });
}

/** The test's side of one page's tap: waits on the page's frames and reads them. */
export class AudioTap {
  constructor(
    private readonly page: Page,
    /** The source label of the path the page is expected to play through ("elements" or "webaudio"). */
    readonly source: string,
  ) {}

  /** The page's clock, to ask for frames after an action. */
  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The frames matching `query` (this tap's source unless told). */
  frames(query: TapQuery = {}): Promise<ToneFrame[]> {
    return this.page.evaluate((q) => {
      const tap = (window as unknown as { plenaryTap: PageTapApi }).plenaryTap;
      return tap.frames.filter((f) => (q.after === undefined || f.t >= q.after) && f.source.startsWith(q.source ?? ""));
    }, { source: this.source, ...query });
  }

  /** Resolves with the first frame matching `query`, polling the page until it comes (or the deadline). */
  async waitFor(query: TapQuery, timeout = 20_000): Promise<ToneFrame> {
    const q = { source: this.source, ...query };
    await this.page.waitForFunction((x) => (window as unknown as { plenaryTap: PageTapApi }).plenaryTap.find(x) >= 0, q, { timeout, polling: 50 });
    return this.page.evaluate((x) => {
      const tap = (window as unknown as { plenaryTap: PageTapApi }).plenaryTap;
      return tap.frames[tap.find(x)]!;
    }, q);
  }

  /** The next `n` frames of this tap's source from `after` on, once they have all been played. */
  async next(n: number, after: number, timeout = 20_000): Promise<ToneFrame[]> {
    const q = { source: this.source, after };
    await this.page.waitForFunction(([x, count]) => (window as unknown as { plenaryTap: PageTapApi }).plenaryTap.count(x) >= count, [q, n] as const, { timeout, polling: 50 });
    return (await this.frames({ after })).slice(0, n);
  }
}

/**
 * Holds Web Audio back until a user gesture, as iOS Safari does: an AudioContext starts suspended
 * and resume() works only once the user has tapped or pressed a key. Headless Chromium here runs
 * contexts at once even with autoplay restricted, so without this the Web Audio mix's "Unmute
 * audio" path could not be seen at all. The context really is suspended (no sound reaches the tap).
 * A trusted input event is the gesture: `navigator.userActivation` will not do, as Playwright
 * evaluates (and polls) with a user gesture, which would count as the user's.
 */
export async function holdWebAudioUntilGesture(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.AudioContext;
    const nativeState = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, "state")!.get!;
    const nativeResume = Native.prototype.resume;
    const held = new WeakSet<AudioContext>();
    let gesture = false;
    for (const type of ["pointerdown", "keydown", "touchend"]) addEventListener(type, (e) => void (gesture ||= e.isTrusted), { capture: true });
    Object.defineProperty(BaseAudioContext.prototype, "state", {
      configurable: true,
      get(this: AudioContext) {
        return held.has(this) ? "suspended" : nativeState.call(this);
      },
    });
    Native.prototype.resume = function (this: AudioContext) {
      if (!gesture) return Promise.resolve();
      held.delete(this);
      return nativeResume.call(this);
    };
    window.AudioContext = class extends Native {
      constructor(options?: AudioContextOptions) {
        super(options);
        if (gesture) return;
        held.add(this);
        void this.suspend();
      }
    };
  });
}
