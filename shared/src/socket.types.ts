import { z } from "zod";
import type { TErrorCode } from "./errors.ts";
import type { TSession } from "./sessions.types.ts";

/** Every acknowledgement carries either the result or a sanitised error, never both. */
export type Ack<T> = { data: T } | { error: { code: TErrorCode; message: string } };
export type AckCallback<T> = (response: Ack<T>) => void;

export const ZSessionJoinPayload = z.object({ sessionId: z.uuid() });
export type TSessionJoinPayload = z.infer<typeof ZSessionJoinPayload>;

export const ZPresence = z.object({ sessionId: z.string(), connected: z.number().int() });

/** Socket event names, `domain:verb`; requests imperative, broadcasts past tense. */
export const SOCKET_EVENTS = {
  sessionJoin: "session:join",
  sessionLeave: "session:leave",
  sessionUpdated: "session:updated",
} as const;

export interface ClientToServerEvents {
  "session:join": (payload: TSessionJoinPayload, ack: AckCallback<{ session: TSession }>) => void;
  "session:leave": (payload: TSessionJoinPayload, ack: AckCallback<{ left: true }>) => void;
}

export interface ServerToClientEvents {
  "session:updated": (payload: { session: TSession }) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  userId: string;
  isOrganiser: boolean;
  joinedSessions: string[];
}
