import { FLOOR, playbackFor, samePerson, ZChannel, type TChannel, type TChannelStatus, type TInterpretationState } from "@plenary/shared";
import { z } from "zod";

/**
 * How a listener's client switches between interpretation channels (chosen by measurement,
 * bench/interpretation-switch.ts):
 * - `gate`: every on-air interpreter's track streams and plays; only the chosen one is audible
 *   (volume 1, the others 0). Switching is a volume change, with nothing to ask the SFU.
 * - `enable`: every on-air interpreter is subscribed, but only the chosen one is enabled; the SFU
 *   forwards nothing for the others until `setEnabled(true)`, which saves bandwidth and costs
 *   one signalling round trip per switch.
 */
export type SwitchStrategy = "gate" | "enable";
export const DEFAULT_STRATEGY: SwitchStrategy = "gate";
const STRATEGY_KEY = "plenary.interpretation.strategy";

/**
 * The switching strategy, and whether to time switches: a bench (or a test) picks a strategy through
 * storage and gets the timing marks; everyone else gets the default and no metering cost.
 */
export function loadStrategy(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): { strategy: SwitchStrategy; measure: boolean } {
  try {
    const value = storage?.getItem(STRATEGY_KEY);
    return value === "enable" || value === "gate" ? { strategy: value, measure: true } : { strategy: DEFAULT_STRATEGY, measure: false };
  } catch {
    return { strategy: DEFAULT_STRATEGY, measure: false };
  }
}

/** The listener's choice: a channel, and how loud the floor is under an interpreter (0–100 %). */
export interface ListenerChoice {
  channel: TChannel;
  floorLevel: number;
}
export const DEFAULT_FLOOR_LEVEL = 20;

/** What to play: one interpreter (or none) and the floor's volume (0..1). */
export interface Mix {
  interpreter: string | null;
  floorVolume: number;
  status: TChannelStatus;
  /** The channel's on-air interpreter is the listener (from another of their pages): the floor plays instead of their own voice. */
  ownVoice?: true;
}

/**
 * The mix for a choice: the on-air interpreter at full level with the floor under it at the
 * chosen level; the floor at full level when the channel is the floor, paused, or the floor's
 * own language. No state yet means nothing is known to be live, so the floor. An interpreter
 * listening to their own channel (`self` is the listener's identity) hears the floor, never
 * themselves: their voice would come back late into their headset.
 */
export function mixFor(state: Pick<TInterpretationState, "channels"> | undefined, choice: ListenerChoice, self?: string): Mix {
  if (!state) return { interpreter: null, floorVolume: 1, status: choice.channel === FLOOR ? "floor" : "paused" };
  const { interpreter, status } = playbackFor(state, choice.channel);
  if (!interpreter) return { interpreter: null, floorVolume: 1, status };
  if (self !== undefined && samePerson(interpreter, self)) return { interpreter: null, floorVolume: 1, status, ownVoice: true };
  return { interpreter, floorVolume: clampLevel(choice.floorLevel) / 100, status };
}

/**
 * Identities of every interpreter the state names as on air, and of partners a handover is offered
 * to (received silently, so the handover is instant): the only interpreters ever received, except
 * the listener themselves (`self`). Only the chosen channel's on-air voice is ever played.
 */
export const onAirIdentities = (state: Pick<TInterpretationState, "channels"> | undefined, self?: string): Set<string> =>
  new Set(
    (state?.channels ?? [])
      .flatMap((c) => (c.status === "live" && c.identity ? [c.identity, ...(c.standby ? [c.standby] : [])] : []))
      .filter((identity) => self === undefined || !samePerson(identity, self)),
  );

/** The little a plan needs to know about one remote audio track. */
export interface AudioTrackInfo {
  identity: string;
  interpreter: boolean;
}

/** What to do with one remote audio publication. */
export interface TrackPlan {
  subscribe: boolean;
  enabled: boolean;
  volume: number;
}

/**
 * The plan for one remote audio track. Off-air interpreters are never received (the server also
 * mutes them at the SFU, this is the second lock); on-air ones other than the chosen are silent,
 * by volume (`gate`) or by not being forwarded (`enable`). `master` scales everything (the booth's
 * source volume).
 */
export function planTrack(track: AudioTrackInfo, mix: Mix, onAir: ReadonlySet<string>, strategy: SwitchStrategy, master = 1): TrackPlan {
  if (!track.interpreter) return { subscribe: true, enabled: true, volume: mix.floorVolume * master };
  if (track.identity === mix.interpreter && onAir.has(track.identity)) return { subscribe: true, enabled: true, volume: master };
  if (!onAir.has(track.identity)) return { subscribe: false, enabled: false, volume: 0 };
  return { subscribe: true, enabled: strategy === "gate", volume: 0 };
}

export const clampLevel = (level: number): number => (Number.isFinite(level) ? Math.min(100, Math.max(0, Math.round(level))) : DEFAULT_FLOOR_LEVEL);

/** A channel the listener may pick now: the chosen one when the session offers it, else the floor. */
export function effectiveChannel(state: Pick<TInterpretationState, "channels"> | undefined, wanted: TChannel): TChannel {
  if (wanted === FLOOR || !state) return wanted;
  return state.channels.some((c) => c.channel === wanted) ? wanted : FLOOR;
}

/** The newer of two states by sequence (pushes can overtake an acknowledgement). */
export function newerState<S extends { seq: number }>(current: S | undefined, incoming: S): S {
  return !current || incoming.seq >= current.seq ? incoming : current;
}

/**
 * What to announce when the chosen channel's status changes: only pausing and resuming, and only
 * on the same channel (switching channels is the listener's own act; they need no announcement).
 */
export function pauseAnnouncement(
  previous: { channel: TChannel; status: TChannelStatus } | undefined,
  next: { channel: TChannel; status: TChannelStatus },
): "paused" | "resumed" | undefined {
  if (!previous || previous.channel !== next.channel || next.channel === FLOOR) return undefined;
  if (previous.status === "live" && next.status === "paused") return "paused";
  if (previous.status === "paused" && next.status === "live") return "resumed";
  return undefined;
}

const PREFERENCE_KEY = "plenary.interpretation";
const ZPreference = z.object({ channel: ZChannel, floorLevel: z.number().min(0).max(100) });

/** The listener's last choice, kept for their next session; anything unreadable gives the default. */
export function loadChoice(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): ListenerChoice {
  try {
    const parsed = ZPreference.safeParse(JSON.parse(storage?.getItem(PREFERENCE_KEY) ?? "null"));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON, or storage refused (private mode): the default will do.
  }
  return { channel: FLOOR, floorLevel: DEFAULT_FLOOR_LEVEL };
}

export function saveChoice(choice: ListenerChoice, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(PREFERENCE_KEY, JSON.stringify({ channel: choice.channel, floorLevel: clampLevel(choice.floorLevel) }));
  } catch {
    // Storage full or refused: the choice still holds for this page.
  }
}
