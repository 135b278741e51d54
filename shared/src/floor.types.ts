import { z } from "zod";
import { ZLanguage } from "./languages.ts";
import { ZText } from "./text.ts";
import type { AckCallback } from "./socket.types.ts";

/**
 * Floor requests: the speakers' list. A participant asks for the floor, the chair gives it and
 * takes it back; while someone holds the floor, LiveKit lets them publish, and nobody else.
 */
export const FLOOR_EVENTS = {
  sync: "floor:sync",
  leave: "floor:leave",
  request: "floor:request",
  withdraw: "floor:withdraw",
  take: "floor:take",
  yield: "floor:yield",
  grant: "floor:grant",
  revoke: "floor:revoke",
  decline: "floor:decline",
  reorder: "floor:reorder",
  add: "floor:add",
  extend: "floor:extend",
  mute: "floor:mute",
  settings: "floor:settings",
  message: "floor:message",
  changed: "floor:changed",
  listChanged: "floor:list-changed",
  mineChanged: "floor:mine-changed",
  messagePosted: "floor:message-posted",
} as const;

/** A request's life: queued → granted → ended, or withdrawn / declined before it is granted. */
export const FLOOR_STATUSES = ["QUEUED", "GRANTED", "WITHDRAWN", "DECLINED", "ENDED"] as const;
export const ZFloorStatus = z.enum(FLOOR_STATUSES);
export type TFloorStatus = z.infer<typeof ZFloorStatus>;

/** Why a grant ended: the speaker yielded, the chair took it back, the timer ran out, they dropped, or the session/role/login ended. */
export const FLOOR_END_REASONS = ["yielded", "revoked", "timer", "disconnected", "session-ended", "role-removed", "logged-out"] as const;
export const ZFloorEndReason = z.enum(FLOOR_END_REASONS);
export type TFloorEndReason = z.infer<typeof ZFloorEndReason>;

/** Speaking time limits: from 15 seconds to an hour. */
export const SPEAKING_TIME_LIMITS = { min: 15, max: 3600, defaultSeconds: 180 } as const;
/** How long a speaker who dropped keeps the floor, and how long after time is up before an automatic take-back. */
export const FLOOR_GRACE_SECONDS = { disconnected: 20, overtime: 15 } as const;

export const ZFloorSettings = z.object({
  speakingTimeSeconds: z.number().int().min(SPEAKING_TIME_LIMITS.min).max(SPEAKING_TIME_LIMITS.max),
  /** When the time is up, take the floor back after the grace period. */
  autoRevoke: z.boolean(),
  /** Attendees given the floor may also send their camera. */
  allowCamera: z.boolean(),
});
export type TFloorSettings = z.infer<typeof ZFloorSettings>;

/** Someone who holds the floor now: what every participant, the presenter screen and the chair see. */
export const ZFloorHolder = z.object({
  requestId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  language: ZLanguage,
  grantedAt: z.string(),
  /** When the speaking time is up (it may already be past: the timer then counts overtime). */
  endsAt: z.string(),
  /** The chair muted their microphone without taking the floor back. */
  muted: z.boolean(),
  /** They dropped out of the room at this time; the floor is released after the grace period. */
  disconnectedAt: z.string().nullable(),
  /** What LiveKit lets them publish while they hold the floor. */
  camera: z.boolean(),
  screenShare: z.boolean(),
});
export type TFloorHolder = z.infer<typeof ZFloorHolder>;

/** The public floor state. `queue` lists request ids only: each person finds their own place in it. */
export const ZFloorState = z.object({
  sessionId: z.string(),
  /** Bumped on every change, so a client keeps the newest state it has seen. */
  seq: z.number().int(),
  /** The server's clock when the state was read, so every timer counts from the same time. */
  serverNow: z.string(),
  holders: z.array(ZFloorHolder),
  queue: z.array(z.string()),
  settings: ZFloorSettings,
});
export type TFloorState = z.infer<typeof ZFloorState>;

/** One line of the chair's speakers' list. */
export const ZFloorEntry = z.object({
  requestId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  organisation: z.string().nullable(),
  language: ZLanguage,
  topic: z.string().nullable(),
  requestedAt: z.string(),
  /** Added by the chair (a pre-arranged speaker) rather than asked for. */
  addedByChair: z.boolean(),
  /** Session role when they hold one (a speaker), else null for an attendee. */
  staffRole: z.string().nullable(),
});
export type TFloorEntry = z.infer<typeof ZFloorEntry>;

/** What the chair sees: the public state plus the speakers' list in order, with names and topics. */
export const ZFloorList = ZFloorState.extend({ entries: z.array(ZFloorEntry) });
export type TFloorList = z.infer<typeof ZFloorList>;

/** The caller's own request: its status and, when declined, the reason only they see. */
export const ZMyFloor = z.object({
  sessionId: z.string(),
  requestId: z.string(),
  status: ZFloorStatus,
  language: ZLanguage,
  topic: z.string().nullable(),
  declineReason: z.string().nullable(),
  endReason: ZFloorEndReason.nullable(),
});
export type TMyFloor = z.infer<typeof ZMyFloor>;

/** What `floor:sync` answers: the state, the caller's own request, the list for the chair, and what the caller may do. */
export interface TFloorSnapshot {
  state: TFloorState;
  mine: TMyFloor | null;
  list: TFloorList | null;
  /** The caller may take the floor themselves (a session speaker the chair has not stopped). */
  canTake: boolean;
  canChair: boolean;
}

const session = { sessionId: z.uuid() };
const request = { ...session, requestId: z.uuid() };
/** Control characters other than tab and newlines (NUL among them) have no place in typed text. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 && c !== "\t" && c !== "\n" && c !== "\r");
/** Free text is trimmed, and control characters are refused. */
const text = (max: number) => ZText.trim().max(max).refine((s) => !hasControl(s), "Contains a control character.");

export const ZFloorSessionPayload = z.object(session);
export type TFloorSessionPayload = z.infer<typeof ZFloorSessionPayload>;
export const ZFloorRequestPayload = z.object({ ...session, language: ZLanguage, topic: text(200).optional() });
export type TFloorRequestPayload = z.infer<typeof ZFloorRequestPayload>;
export const ZFloorTakePayload = z.object({ ...session, language: ZLanguage });
export type TFloorTakePayload = z.infer<typeof ZFloorTakePayload>;
export const ZFloorRefPayload = z.object(request);
export type TFloorRefPayload = z.infer<typeof ZFloorRefPayload>;
export const ZFloorDeclinePayload = z.object({ ...request, reason: text(300).optional() });
export type TFloorDeclinePayload = z.infer<typeof ZFloorDeclinePayload>;
export const ZFloorReorderPayload = z.object({ ...request, index: z.number().int().min(0).max(10_000) });
export type TFloorReorderPayload = z.infer<typeof ZFloorReorderPayload>;
export const ZFloorAddPayload = z.object({ ...session, email: z.email().max(254), language: ZLanguage, topic: text(200).optional() });
export type TFloorAddPayload = z.infer<typeof ZFloorAddPayload>;
export const ZFloorExtendPayload = z.object({ ...request, seconds: z.number().int().min(-SPEAKING_TIME_LIMITS.max).max(SPEAKING_TIME_LIMITS.max).refine((n) => n !== 0, "Give a number of seconds.") });
export type TFloorExtendPayload = z.infer<typeof ZFloorExtendPayload>;
export const ZFloorMutePayload = z.object({ ...request, muted: z.boolean() });
export type TFloorMutePayload = z.infer<typeof ZFloorMutePayload>;
export const ZFloorSettingsPayload = z.object({ ...session, ...ZFloorSettings.partial().shape });
export type TFloorSettingsPayload = z.infer<typeof ZFloorSettingsPayload>;
export const ZFloorMessagePayload = z.object({ ...request, text: text(300).min(1) });
export type TFloorMessagePayload = z.infer<typeof ZFloorMessagePayload>;

export const ZFloorMessage = z.object({ sessionId: z.string(), fromName: z.string(), text: z.string(), at: z.string() });
export type TFloorMessage = z.infer<typeof ZFloorMessage>;

/** Floor requests from participants and the chair. Every one is acknowledged. */
export interface FloorClientToServerEvents {
  [FLOOR_EVENTS.sync]: (payload: TFloorSessionPayload, ack: AckCallback<TFloorSnapshot>) => void;
  [FLOOR_EVENTS.leave]: (payload: TFloorSessionPayload, ack: AckCallback<{ left: true }>) => void;
  [FLOOR_EVENTS.request]: (payload: TFloorRequestPayload, ack: AckCallback<TMyFloor>) => void;
  [FLOOR_EVENTS.withdraw]: (payload: TFloorSessionPayload, ack: AckCallback<TMyFloor>) => void;
  [FLOOR_EVENTS.take]: (payload: TFloorTakePayload, ack: AckCallback<TMyFloor>) => void;
  [FLOOR_EVENTS.yield]: (payload: TFloorSessionPayload, ack: AckCallback<TMyFloor>) => void;
  [FLOOR_EVENTS.grant]: (payload: TFloorRefPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.revoke]: (payload: TFloorRefPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.decline]: (payload: TFloorDeclinePayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.reorder]: (payload: TFloorReorderPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.add]: (payload: TFloorAddPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.extend]: (payload: TFloorExtendPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.mute]: (payload: TFloorMutePayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.settings]: (payload: TFloorSettingsPayload, ack: AckCallback<TFloorList>) => void;
  [FLOOR_EVENTS.message]: (payload: TFloorMessagePayload, ack: AckCallback<TFloorMessage>) => void;
}

/** Floor broadcasts: the public state to everyone following, the list to the chair, news to the person concerned. */
export interface FloorServerToClientEvents {
  [FLOOR_EVENTS.changed]: (payload: TFloorState) => void;
  [FLOOR_EVENTS.listChanged]: (payload: TFloorList) => void;
  [FLOOR_EVENTS.mineChanged]: (payload: TMyFloor) => void;
  [FLOOR_EVENTS.messagePosted]: (payload: TFloorMessage) => void;
}

/** Seconds left on a holder's timer at `now` (negative in overtime), given the server's clock offset. */
export function secondsLeft(holder: Pick<TFloorHolder, "endsAt">, now: number, serverOffsetMs = 0): number {
  return Math.ceil((Date.parse(holder.endsAt) - (now + serverOffsetMs)) / 1000);
}
