import { z } from "zod";

/** The role a user asks to join a session's room as. */
export const JOIN_ROLES = ["attendee", "moderator", "speaker", "interpreter", "stage"] as const;
export const ZJoinRole = z.enum(JOIN_ROLES);
export type TJoinRole = z.infer<typeof ZJoinRole>;

/**
 * The page a connection to a session's room comes from. One person may have several open at once
 * (the booth console and the session page, the speaker view and the session page), and LiveKit
 * admits one participant per identity, so each view gets an identity of its own.
 */
export const JOIN_VIEWS = ["session", "speak", "stage", "booth", "listen"] as const;
export const ZJoinView = z.enum(JOIN_VIEWS);
export type TJoinView = z.infer<typeof ZJoinView>;

/** A token request; without a view, the token is for the role's own page ({@link HOME_VIEW}). */
export const ZTokenRequest = z.object({ role: ZJoinRole.default("attendee"), view: ZJoinView.optional() });

/** The page each role works from, assumed when a token request names no view. */
export const HOME_VIEW: Record<TJoinRole, TJoinView> = { attendee: "session", moderator: "session", speaker: "speak", interpreter: "booth", stage: "stage" };

/** LiveKit track sources as tokens name them; the api maps each to the SDK's enum. */
export const TRACK_SOURCES = {
  camera: "camera",
  microphone: "microphone",
  screenShare: "screen_share",
  screenShareAudio: "screen_share_audio",
} as const;
export type TTrackSource = (typeof TRACK_SOURCES)[keyof typeof TRACK_SOURCES];
export const ZTrackSource = z.enum(TRACK_SOURCES);

/**
 * Participant attributes the api sets in every token. They are facts the server asserts (nobody
 * may update their own), so clients can rely on them to tell the floor from a booth.
 */
export const PARTICIPANT_ATTRIBUTES = {
  /** The role a participant joined as (a {@link TJoinRole}). */
  role: "plenary.role",
  /** An interpreter's booth language. */
  booth: "plenary.booth",
} as const;

const ROOM_PREFIX = "session-";
const ROOM_NAME = /^session-([0-9a-f-]{36})$/;

/** The LiveKit room of a session: one room per session. */
export const roomNameFor = (sessionId: string): string => `${ROOM_PREFIX}${sessionId}`;
/** The session a room belongs to, or undefined for a room that is not a session's. */
export const sessionIdFromRoom = (room: string): string | undefined => ROOM_NAME.exec(room)?.[1];

export const ZGrants = z.object({
  roomJoin: z.boolean(),
  room: z.string(),
  roomAdmin: z.boolean(),
  canSubscribe: z.boolean(),
  canPublish: z.boolean(),
  canPublishData: z.boolean(),
  canPublishSources: z.array(ZTrackSource),
  canUpdateOwnMetadata: z.boolean(),
});
export type TGrants = z.infer<typeof ZGrants>;

/** What a client needs to connect to a session's LiveKit room. */
export const ZConnectionDetails = z.object({
  serverUrl: z.string(),
  roomName: z.string(),
  identity: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  grants: ZGrants,
});
export type TConnectionDetails = z.infer<typeof ZConnectionDetails>;
