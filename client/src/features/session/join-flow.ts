import { JOIN_ROLES, type TJoinRole, type TSession } from "@plenary/shared";
import { DisconnectReason } from "livekit-client";
import type { ApiError } from "../../lib/api.ts";

/** Why the user is not (or no longer) in the room; each has its own explanation panel. */
export type BlockReason =
  | "signin"
  | "forbidden"
  | "not-live"
  | "ended"
  | "media-off"
  | "not-found"
  | "rate-limited"
  | "network"
  | "connection-failed"
  | "duplicate"
  | "removed"
  | "error";

/** The role asked for with `?as=`, defaulting to attendee for anything unknown. */
export function roleFromQuery(value: string | null): TJoinRole {
  return JOIN_ROLES.find((r) => r === value) ?? "attendee";
}

/** Maps a failed token request to the panel to show. */
export function blockReasonFor(error: ApiError, session: Pick<TSession, "status"> | undefined): BlockReason {
  switch (error.code) {
    case "UNAUTHENTICATED":
      return "signin";
    case "FORBIDDEN":
      return "forbidden";
    case "SESSION_NOT_OPEN":
      return session?.status === "ENDED" ? "ended" : "not-live";
    case "UNAVAILABLE":
      return "media-off";
    case "NOT_FOUND":
      return "not-found";
    case "RATE_LIMITED":
      return "rate-limited";
    case "NETWORK":
      return "network";
    default:
      return "error";
  }
}

/** What to do after the room disconnected for good (LiveKit's own reconnection gave up or was refused). */
export type DisconnectOutcome = { kind: "ignore" } | { kind: "rejoin" } | { kind: "block"; reason: BlockReason };

/**
 * Leaving on purpose is ignored; being replaced by another tab or removed by a moderator is
 * explained rather than undone; anything else (server restart, network loss, room reset) rejoins
 * with a new token, which also reveals a session that has meanwhile ended.
 */
export function disconnectOutcome(reason: DisconnectReason | undefined): DisconnectOutcome {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return { kind: "ignore" };
    case DisconnectReason.DUPLICATE_IDENTITY:
      return { kind: "block", reason: "duplicate" };
    case DisconnectReason.PARTICIPANT_REMOVED:
      return { kind: "block", reason: "removed" };
    default:
      return { kind: "rejoin" };
  }
}

/** Delay before rejoin attempt `n` (0-based): 1 s, 2 s, 4 s, 8 s, then 15 s. */
export const rejoinDelayMs = (attempt: number): number => Math.min(1000 * 2 ** attempt, 15_000);

/** Consecutive rejoin attempts before asking the user to press "Try again". */
export const MAX_REJOIN_ATTEMPTS = 6;

/**
 * A key that changes exactly when a new token is worth asking for: attendees may only enter a
 * live session, so for them the status matters; staff may enter before it opens, so only the end does.
 */
export function accessGate(role: TJoinRole, status: TSession["status"]): string {
  if (status === "ENDED") return "ended";
  return role === "attendee" ? status : "open";
}

/**
 * How often to re-read a session while its live channel cannot be followed: often once its start
 * time is near or past (the chair may open it any moment), rarely before.
 */
export function pollIntervalMs(session: Pick<TSession, "status" | "startsAt"> | undefined, now: number): number {
  if (!session || session.status !== "SCHEDULED") return 30_000;
  return Date.parse(session.startsAt) - now <= 10 * 60_000 ? 5_000 : 30_000;
}

/**
 * For problems that fix themselves (the media server or network coming back), how long to wait
 * before trying again unprompted, so a listener who leaves the page open is back on air; undefined
 * for problems only a person can resolve.
 */
export function autoRetryMs(reason: BlockReason): number | undefined {
  return reason === "connection-failed" || reason === "media-off" || reason === "network" || reason === "rate-limited" ? 30_000 : undefined;
}
