import { z } from "zod";
import type { TErrorCode } from "./errors.ts";
import type { InterpretationClientToServerEvents, InterpretationServerToClientEvents } from "./interpretation.types.ts";
import type {
  TModeratorQuestion,
  TQaAskPayload,
  TQaAskResult,
  TQaEditPayload,
  TQaModeChanged,
  TQaModeratePayload,
  TQaModerateResult,
  TQaMyQuestionUpdated,
  TQaQuestionAsked,
  TQaQuestionRef,
  TQaQuestionsUpdated,
  TQaSetModePayload,
  TQaSnapshot,
  TQaSyncPayload,
  TQaVotePayload,
  TQaVoteResult,
  TQaVotesChanged,
  TQuestion,
} from "./qa.types.ts";
import type { TQaMode, TSession } from "./sessions.types.ts";

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

export interface ClientToServerEvents extends InterpretationClientToServerEvents {
  "session:join": (payload: TSessionJoinPayload, ack: AckCallback<{ session: TSession }>) => void;
  "session:leave": (payload: TSessionJoinPayload, ack: AckCallback<{ left: true }>) => void;
  "qa:sync": (payload: TQaSyncPayload, ack: AckCallback<TQaSnapshot | TQaSnapshot<TModeratorQuestion>>) => void;
  "qa:leave": (payload: { sessionId: string }, ack: AckCallback<{ left: true }>) => void;
  "qa:ask": (payload: TQaAskPayload, ack: AckCallback<TQaAskResult>) => void;
  "qa:vote": (payload: TQaVotePayload, ack: AckCallback<TQaVoteResult>) => void;
  "qa:edit": (payload: TQaEditPayload, ack: AckCallback<{ question: TQuestion }>) => void;
  "qa:withdraw": (payload: TQaQuestionRef, ack: AckCallback<{ question: TQuestion }>) => void;
  "qa:moderate": (payload: TQaModeratePayload, ack: AckCallback<TQaModerateResult>) => void;
  "qa:set-mode": (payload: TQaSetModePayload, ack: AckCallback<{ seq: number; mode: TQaMode }>) => void;
}

/** Q&A broadcasts. Moderators receive the moderator view of questions, everyone else the public one. */
export interface QaServerToClientEvents {
  "qa:question-asked": (payload: TQaQuestionAsked | TQaQuestionAsked<TModeratorQuestion>) => void;
  "qa:question-updated": (payload: TQaQuestionsUpdated | TQaQuestionsUpdated<TModeratorQuestion>) => void;
  "qa:votes-changed": (payload: TQaVotesChanged) => void;
  "qa:mode-changed": (payload: TQaModeChanged) => void;
}

export interface ServerToClientEvents extends QaServerToClientEvents, InterpretationServerToClientEvents {
  "session:updated": (payload: { session: TSession }) => void;
  "qa:my-question-updated": (payload: TQaMyQuestionUpdated) => void;
}

/** The read-only presenter namespace: it can only sync, and it hears the public Q&A stream. */
export interface PresenterClientToServerEvents {
  "qa:sync": (payload: TQaSyncPayload, ack: AckCallback<TQaSnapshot>) => void;
}
export type PresenterServerToClientEvents = QaServerToClientEvents;

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  userId: string;
  isOrganiser: boolean;
  joinedSessions: string[];
  /** The interpretation channel this socket listens to, per session (counted for the booths). */
  listening?: Record<string, string>;
}
