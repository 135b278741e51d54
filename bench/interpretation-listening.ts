// Channel switching and booth handover as a listener hears them, for bench/interpretation.ts.
// Every time is performance.now() in this one process, which runs the listener bots and the
// interpreter bots; the tones say what was heard.
import type { TChannel } from "@plenary/shared";
import { percentiles, type ToneFrame } from "../api/test/helpers/goertzel.ts";
import type { BoothBot } from "../api/test/helpers/interpretation-booth.ts";
import type { InterpretationListener } from "../api/test/helpers/interpretation-listener.ts";
import { TrackKind, type Room } from "@livekit/rtc-node";
import type { ToneListener } from "../api/test/helpers/tones.ts";
import { ALL_TONES, BOOTH_TONES, LANGUAGES, type BoothLanguage } from "./interpretation-stack.ts";

const FRAME_MS = 10;
/** The tone a frame carries: the loudest watched one, when it is loud enough to hear. */
export const toneOf = (f: ToneFrame): number | undefined => {
  const hz = ALL_TONES.reduce((a, b) => (f.levels[b]! > f.levels[a]! ? b : a));
  return f.levels[hz]! >= 0.05 ? hz : undefined;
};
const voiceOf = (identity: string, hz: number) => (f: ToneFrame) => f.source === identity && toneOf(f) === hz;
/** Resolves after `n` more frames of `voice` (pacing in frames, not in sleeps). */
const framesOf = async (listener: { waitFor(p: (f: ToneFrame) => boolean, t?: number): Promise<ToneFrame> }, voice: (f: ToneFrame) => boolean, n: number) => {
  let seen = 0;
  await listener.waitFor((f) => voice(f) && ++seen >= n, 20_000);
};

export const show = (name: string, values: number[], unit = "ms") => {
  const p = percentiles(values);
  return `${name.padEnd(48)} median ${p.median.toFixed(0)} ${unit}  p95 ${p.p95.toFixed(0)} ${unit}  max ${p.max.toFixed(0)} ${unit}  (n=${p.n})`;
};

/**
 * `switches` channel switches among the booths: from the local switch (the listener's click,
 * applied from the state it holds) to the first played frame of the new channel's tone; the old
 * voice is cut by the bot at that frame. Also the select's ack and the old voice's last frame.
 */
export async function measureSwitching(listener: InterpretationListener, identities: Record<BoothLanguage, string>, switches: number) {
  const first: number[] = [], ack: number[] = [], gap: number[] = [], overlap: number[] = [];
  let missed = 0;
  let current = listener.channel as BoothLanguage;
  await framesOf(listener, voiceOf(identities[current], BOOTH_TONES[current]), 30);
  for (let i = 0; i < switches; i++) {
    const next = LANGUAGES[(LANGUAGES.indexOf(current) + 1 + (i % 3)) % LANGUAGES.length]!;
    const [oldVoice, newVoice] = [voiceOf(identities[current], BOOTH_TONES[current]), voiceOf(identities[next], BOOTH_TONES[next])];
    // The old voice playing right up to the switch, in the frames kept.
    await framesOf(listener, oldVoice, 5);
    const heard = listener.waitFor(newVoice, 5000);
    const { localAt, ackAt } = await listener.select(next as TChannel);
    const at = await heard.catch(() => undefined);
    ack.push(ackAt - localAt);
    if (!at) missed++;
    else {
      first.push(at.t - localAt);
      // Rate limit: 20 selects per 10 s per listener, so each switch holds at least 500 ms.
      await framesOf(listener, newVoice, 50);
      const lastOld = listener.frames.findLast(oldVoice);
      gap.push(lastOld ? Math.max(0, at.t - lastOld.t - FRAME_MS) : Infinity);
      overlap.push(listener.frames.filter((f) => f.t >= at.t && oldVoice(f)).length * FRAME_MS);
    }
    listener.frames.length = 0;
    current = next;
  }
  return { first, ack, gap, overlap, missed };
}

/**
 * `handovers` offer/accept handovers in the French booth, heard by each listener (one per
 * strategy) and by `raw`, a bot subscribed to both interpreters all along (what the microphones
 * themselves do, with no subscription change). Gap: silence between the last frame of the old
 * voice and the first of the new one; overlap: how long the old voice still played after that.
 */
export async function measureHandovers(listeners: Record<string, InterpretationListener>, raw: ToneListener, booth: [BoothBot, BoothBot], handovers: number) {
  const hearers: Record<string, { frames: ToneFrame[]; waitFor: InterpretationListener["waitFor"] }> = { ...listeners, "(pre-subscribed to both)": raw };
  const result = Object.fromEntries(Object.keys(hearers).map((k) => [k, { gap: [] as number[], overlap: [] as number[], acceptToNew: [] as number[], acceptToLastOld: [] as number[], missed: 0 }]));
  const ackMs: number[] = [];
  let [from, to] = booth[0].onAir ? booth : [booth[1], booth[0]];
  for (let i = 0; i < handovers; i++) {
    const [oldVoice, newVoice] = [voiceOf(from.userId, from.hz), voiceOf(to.userId, to.hz)];
    await from.offer();
    // A partner reads the offer before accepting it: a second of the old voice, as in a booth.
    await Promise.all(Object.values(hearers).map((h) => framesOf(h, oldVoice, 100)));
    const heard = Object.values(hearers).map((h) => h.waitFor(newVoice, 5000).catch(() => undefined));
    const t0 = performance.now();
    await to.accept();
    ackMs.push(performance.now() - t0);
    const firsts = await Promise.all(heard);
    await framesOf(listeners[Object.keys(listeners)[0]!]!, newVoice, 50);
    Object.entries(hearers).forEach(([name, h], k) => {
      const r = result[name]!;
      const first = firsts[k];
      if (!first) return void r.missed++;
      const lastOld = h.frames.filter((f) => f.t < first.t).findLast(oldVoice);
      r.acceptToNew.push(first.t - t0);
      if (lastOld) r.acceptToLastOld.push(lastOld.t - t0);
      r.gap.push(lastOld ? Math.max(0, first.t - lastOld.t - FRAME_MS) : Infinity);
      r.overlap.push(h.frames.filter((f) => f.t >= first.t && oldVoice(f)).length * FRAME_MS);
    });
    for (const h of Object.values(hearers)) h.frames.length = 0;
    [from, to] = [to, from];
  }
  return { result, ackMs };
}

/**
 * The same-run baseline for `measureSwitching`: a bare rtc-node listener that switches the plain SDK
 * way, subscribing to the new voice's publication and dropping the old one, with nothing of
 * Plenary's in the path. From the call to the new tone's first frame.
 */
export async function measureBareSwitching(bare: { room: Room; listener: ToneListener }, identities: Record<BoothLanguage, string>, switches: number) {
  const first: number[] = [];
  let missed = 0;
  const publicationOf = (language: BoothLanguage) => {
    const publications = bare.room.remoteParticipants.get(identities[language])?.trackPublications.values() ?? [];
    const audio = [...publications].find((p) => p.kind === TrackKind.KIND_AUDIO);
    if (!audio) throw new Error(`no audio publication from the ${language} booth`);
    return audio;
  };
  let current: BoothLanguage = "fr";
  publicationOf(current).setSubscribed(true);
  await framesOf(bare.listener, voiceOf(identities[current], BOOTH_TONES[current]), 30);
  for (let i = 0; i < switches; i++) {
    const next: BoothLanguage = LANGUAGES[(LANGUAGES.indexOf(current) + 1 + (i % 3)) % LANGUAGES.length]!;
    const newVoice = voiceOf(identities[next], BOOTH_TONES[next]);
    const heard = bare.listener.waitFor(newVoice, 5000);
    const at = performance.now();
    publicationOf(next).setSubscribed(true);
    publicationOf(current).setSubscribed(false);
    const frame = await heard.catch(() => undefined);
    if (!frame) missed++;
    else {
      first.push(frame.t - at);
      await framesOf(bare.listener, newVoice, 20);
    }
    bare.listener.frames.length = 0;
    current = next;
  }
  return { first, missed };
}
