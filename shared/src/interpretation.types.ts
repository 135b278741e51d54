import { z } from "zod";
import { ZText } from "./text.ts";
import { ZLanguage, type TLanguage } from "./languages.ts";
import type { AckCallback } from "./socket.types.ts";

/**
 * Simultaneous interpretation: the contract between booths, listeners and the api.
 * A channel is "floor" (what is spoken in the room) or a language with a booth.
 */
export const FLOOR = "floor" as const;
export const ZChannel = z.union([z.literal(FLOOR), ZLanguage]);
export type TChannel = z.infer<typeof ZChannel>;

/**
 * What a listener of a channel hears now:
 * - `live`: the booth's on-air interpreter, with the floor under it at the listener's level;
 * - `paused`: nobody is on air in the booth, so the floor at full level, with a notice;
 * - `floor`: the floor is being spoken in this language, so the floor at full level.
 */
export const CHANNEL_STATUSES = ["live", "paused", "floor"] as const;
export const ZChannelStatus = z.enum(CHANNEL_STATUSES);
export type TChannelStatus = z.infer<typeof ZChannelStatus>;

export const ZChannelState = z.object({
  channel: ZChannel,
  status: ZChannelStatus,
  /** LiveKit identity of the on-air interpreter when `live`: the only voice a listener may play. */
  identity: z.string().nullable(),
  /**
   * The partner a handover is offered to, while it waits for acceptance. Listeners may receive
   * that voice silently so the switch is instant when the state names it; they never play it
   * before then (its microphone is also muted at the SFU until it is on air).
   */
  standby: z.string().nullable(),
});
export type TChannelState = z.infer<typeof ZChannelState>;

/** The public side of interpretation: what every listener needs, nothing about people. */
export const ZInterpretationState = z.object({
  sessionId: z.string(),
  /** Bumped on every change, so a client keeps the newest state it has seen. */
  seq: z.number().int(),
  floorLanguage: ZLanguage.nullable(),
  channels: z.array(ZChannelState),
});
export type TInterpretationState = z.infer<typeof ZInterpretationState>;

export const ZRelaySource = ZChannel;
export const ZBoothInterpreter = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** Connected to the booth console now. */
  present: z.boolean(),
  /** What this interpreter hears: the floor, or another booth's channel (relay). */
  relay: ZRelaySource,
  micOpen: z.boolean(),
  coughing: z.boolean(),
});
export type TBoothInterpreter = z.infer<typeof ZBoothInterpreter>;

export const ZBooth = z.object({
  language: ZLanguage,
  onAirUserId: z.string().nullable(),
  /** A handover offered by the on-air interpreter to this partner, waiting for acceptance. */
  offerToUserId: z.string().nullable(),
  interpreters: z.array(ZBoothInterpreter),
  listeners: z.number().int(),
});
export type TBooth = z.infer<typeof ZBooth>;

/** What interpreters, the chair and the stage operator see: every booth, the relay map, the audience. */
export const ZBoothsState = ZInterpretationState.extend({
  booths: z.array(ZBooth),
  floorListeners: z.number().int(),
});
export type TBoothsState = z.infer<typeof ZBoothsState>;

const session = { sessionId: z.uuid() };
export const ZInterpretationSessionPayload = z.object(session);
export type TInterpretationSessionPayload = z.infer<typeof ZInterpretationSessionPayload>;

/**
 * Syncing the interpretation state. `console: true` is the booth console itself: only then does an
 * interpreter join their booth and count as present (a plain session page never does, so closing
 * the console while the session page stays open still pauses the channel).
 */
export const ZInterpretationSyncPayload = z.object({ ...session, console: z.boolean().optional() });
export type TInterpretationSyncPayload = z.infer<typeof ZInterpretationSyncPayload>;

export const ZSelectChannelPayload = z.object({ ...session, channel: ZChannel });
export type TSelectChannelPayload = z.infer<typeof ZSelectChannelPayload>;

export const ZRelayPayload = z.object({ ...session, source: ZRelaySource });
export type TRelayPayload = z.infer<typeof ZRelayPayload>;

export const ZFloorLanguagePayload = z.object({ ...session, language: ZLanguage.nullable() });
export type TFloorLanguagePayload = z.infer<typeof ZFloorLanguagePayload>;

export const ZTogglePayload = z.object({ ...session, on: z.boolean() });
export type TTogglePayload = z.infer<typeof ZTogglePayload>;

export const ZBoothChatPayload = z.object({ ...session, text: ZText.trim().min(1).max(500) });
export type TBoothChatPayload = z.infer<typeof ZBoothChatPayload>;

export const ZBoothChatMessage = z.object({
  sessionId: z.string(),
  language: ZLanguage,
  fromUserId: z.string(),
  fromName: z.string(),
  text: z.string(),
  at: z.string(),
});
export type TBoothChatMessage = z.infer<typeof ZBoothChatMessage>;

export const ZSlowDownSignal = z.object({ sessionId: z.string(), language: ZLanguage, fromName: z.string(), at: z.string() });
export type TSlowDownSignal = z.infer<typeof ZSlowDownSignal>;

/** The answer to selecting a channel: what to play, decided by the server. */
export const ZSelectChannelResult = z.object({ channel: ZChannel, state: ZInterpretationState });
export type TSelectChannelResult = z.infer<typeof ZSelectChannelResult>;

/**
 * Decides what a listener of `channel` plays. Pure and shared, so the browser, the listen-only
 * page and the test bots follow exactly one rule. Off-air interpreters are never played, whatever
 * they publish: only the identity the server named.
 */
export function playbackFor(state: Pick<TInterpretationState, "channels">, channel: TChannel): { interpreter: string | null; status: TChannelStatus } {
  if (channel === FLOOR) return { interpreter: null, status: "floor" };
  const found = state.channels.find((c) => c.channel === channel);
  if (!found) return { interpreter: null, status: "paused" };
  return { interpreter: found.status === "live" ? found.identity : null, status: found.status };
}

/** Languages that get a booth: every offered language except the floor's own channel. */
export const boothLanguages = (sessionLanguages: readonly string[]): TLanguage[] =>
  sessionLanguages.filter((l): l is TLanguage => ZLanguage.safeParse(l).success);

/** What `interpretation:sync` answers: the public state, and the booths for those who may see them. */
export interface TInterpretationSnapshot {
  state: TInterpretationState;
  booths: TBoothsState | null;
}

/** Interpretation requests: listening, booth control, floor language, slow-down and booth chat. */
export interface InterpretationClientToServerEvents {
  "interpretation:sync": (payload: TInterpretationSyncPayload, ack: AckCallback<TInterpretationSnapshot>) => void;
  "interpretation:select": (payload: TSelectChannelPayload, ack: AckCallback<TSelectChannelResult>) => void;
  "interpretation:take": (payload: TInterpretationSessionPayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:offer": (payload: TInterpretationSessionPayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:accept": (payload: TInterpretationSessionPayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:release": (payload: TInterpretationSessionPayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:mic": (payload: TTogglePayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:cough": (payload: TTogglePayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:relay": (payload: TRelayPayload, ack: AckCallback<TBoothsState>) => void;
  "interpretation:set-floor-language": (payload: TFloorLanguagePayload, ack: AckCallback<TInterpretationState>) => void;
  "interpretation:slow-down": (payload: TInterpretationSessionPayload, ack: AckCallback<TSlowDownSignal>) => void;
  "interpretation:chat": (payload: TBoothChatPayload, ack: AckCallback<TBoothChatMessage>) => void;
}

/** Interpretation broadcasts: the public state to everyone following, booths to staff. */
export interface InterpretationServerToClientEvents {
  "interpretation:state-changed": (payload: TInterpretationState) => void;
  "interpretation:booths-changed": (payload: TBoothsState) => void;
  "interpretation:slow-down-requested": (payload: TSlowDownSignal) => void;
  "interpretation:chat-posted": (payload: TBoothChatMessage) => void;
}
