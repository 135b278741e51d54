import type { BrowserContext, Page } from "playwright-core";
import { analyseFrame, goertzelLevel, rms, type ToneFrame } from "../api/test/helpers/goertzel.ts";

// What a page really plays, run through the same Goertzel detector as the rtc-node listener bots.
// A page makes sound in two ways, and the tap follows both, from an init script that runs before
// any page script:
// - Web Audio: every node the page connects to an AudioContext's destination (what the speakers
//   get) is also connected to a recorder in that context, and disconnected with it. This is a copy
//   of the speakers' input, after every gain the app applied.
// - Media elements: every element given a MediaStream is followed; its stream is fed to the tap's
//   own context through a gain that is, at every audio callback, what the browser applies to the
//   element's output: 0 when paused or muted, else its volume (read through the original getter, so
//   a page script that redefines `volume` cannot fool it).
// Frames are labelled "elements" or "webaudio-<n>", so a test also sees which path carried sound.

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
function pageTap(frequencies: number[], analyse: typeof analyseFrame) {
  const frames: ToneFrame[] = [];
  const connect = AudioNode.prototype.connect as (this: AudioNode, destination: AudioNode, output?: number) => AudioNode;
  const disconnect = AudioNode.prototype.disconnect as (this: AudioNode, destination?: AudioNode) => void;
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "srcObject")!;
  const volumeOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "volume")!.get!;
  const mutedOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "muted")!.get!;
  const pausedOf = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, "paused")!.get!;

  /** A mono bus in `context` whose input is cut into 10 ms frames and analysed. */
  function recorder(context: BaseAudioContext, label: string, onBuffer?: () => void): GainNode {
    const bus = context.createGain();
    bus.channelCount = 1;
    bus.channelCountMode = "explicit";
    bus.channelInterpretation = "speakers";
    // Deprecated but everywhere, and needs no module URL (the app's CSP would refuse a blob: worklet).
    const processor = context.createScriptProcessor(1024, 1, 1);
    connect.call(bus, processor);
    // A script processor runs only while connected onwards; it outputs silence.
    connect.call(processor, context.destination);
    const length = Math.round(context.sampleRate / 100);
    const frame = new Int16Array(length);
    let filled = 0;
    processor.onaudioprocess = (event) => {
      onBuffer?.();
      const input = event.inputBuffer.getChannelData(0);
      const end = performance.now();
      for (let i = 0; i < input.length; i++) {
        frame[filled++] = Math.max(-32768, Math.min(32767, Math.round(input[i]! * 32767)));
        if (filled < length) continue;
        filled = 0;
        frames.push(analyse(frame, context.sampleRate, frequencies, end - ((input.length - 1 - i) / context.sampleRate) * 1000, label));
      }
    };
    return bus;
  }

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
  const content = `(() => { const __name = (f) => f;\n${goertzelLevel}\n${rms}\n${analyseFrame}\n(${pageTap})(${JSON.stringify(frequencies)}, analyseFrame); })();`;
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
