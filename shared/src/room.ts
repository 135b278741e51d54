// The room's side of the contract, free of zod on purpose: the page's first script loads it with
// the LiveKit client (client/src/features/session/floor-player.ts) before the app bundle, and
// zod would double what that early chunk costs. The token schemas built on it are in tokens.types.ts.

/** The role a user asks to join a session's room as. */
export const JOIN_ROLES = ["attendee", "moderator", "speaker", "interpreter", "stage"] as const;
export type TJoinRole = (typeof JOIN_ROLES)[number];

/**
 * The page a connection to a session's room comes from. One person may have several open at once
 * (the booth console and the session page, the speaker view and the session page), and LiveKit
 * admits one participant per identity, so each view gets an identity of its own.
 */
export const JOIN_VIEWS = ["session", "speak", "stage", "booth", "listen"] as const;
export type TJoinView = (typeof JOIN_VIEWS)[number];

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
