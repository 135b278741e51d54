import { z } from "zod";
import type { TErrorCode } from "./errors.ts";
import { FLOOR_EVENTS, type FloorClientToServerEvents, type FloorServerToClientEvents, type TFloorSessionPayload, type TFloorSnapshot, type TFloorState } from "./floor.types.ts";
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

/**
 * Socket event names, `domain:verb`: requests imperative, broadcasts past tense. The event maps
 * below are keyed by these constants, so code that uses a constant names an event of the contract.
 */
export const SOCKET_EVENTS = {
  sessionJoin: "session:join",
  sessionLeave: "session:leave",
  sessionUpdated: "session:updated",
} as const;

/** Q&A event names (the presenter namespace uses the same ones). */
export const QA_EVENTS = {
  ask: "qa:ask",
  vote: "qa:vote",
  edit: "qa:edit",
  withdraw: "qa:withdraw",
  moderate: "qa:moderate",
  setMode: "qa:set-mode",
  sync: "qa:sync",
  leave: "qa:leave",
  questionAsked: "qa:question-asked",
  questionsUpdated: "qa:question-updated",
  votesChanged: "qa:votes-changed",
  modeChanged: "qa:mode-changed",
  myQuestionUpdated: "qa:my-question-updated",
} as const;

export interface ClientToServerEvents extends InterpretationClientToServerEvents, FloorClientToServerEvents {
  [SOCKET_EVENTS.sessionJoin]: (payload: TSessionJoinPayload, ack: AckCallback<{ session: TSession }>) => void;
  [SOCKET_EVENTS.sessionLeave]: (payload: TSessionJoinPayload, ack: AckCallback<{ left: true }>) => void;
  [QA_EVENTS.sync]: (payload: TQaSyncPayload, ack: AckCallback<TQaSnapshot | TQaSnapshot<TModeratorQuestion>>) => void;
  [QA_EVENTS.leave]: (payload: { sessionId: string }, ack: AckCallback<{ left: true }>) => void;
  [QA_EVENTS.ask]: (payload: TQaAskPayload, ack: AckCallback<TQaAskResult>) => void;
  [QA_EVENTS.vote]: (payload: TQaVotePayload, ack: AckCallback<TQaVoteResult>) => void;
  [QA_EVENTS.edit]: (payload: TQaEditPayload, ack: AckCallback<{ question: TQuestion }>) => void;
  [QA_EVENTS.withdraw]: (payload: TQaQuestionRef, ack: AckCallback<{ question: TQuestion }>) => void;
  [QA_EVENTS.moderate]: (payload: TQaModeratePayload, ack: AckCallback<TQaModerateResult>) => void;
  [QA_EVENTS.setMode]: (payload: TQaSetModePayload, ack: AckCallback<{ seq: number; mode: TQaMode }>) => void;
}

/** Q&A broadcasts. Moderators receive the moderator view of questions, everyone else the public one. */
export interface QaServerToClientEvents {
  [QA_EVENTS.questionAsked]: (payload: TQaQuestionAsked | TQaQuestionAsked<TModeratorQuestion>) => void;
  [QA_EVENTS.questionsUpdated]: (payload: TQaQuestionsUpdated | TQaQuestionsUpdated<TModeratorQuestion>) => void;
  [QA_EVENTS.votesChanged]: (payload: TQaVotesChanged) => void;
  [QA_EVENTS.modeChanged]: (payload: TQaModeChanged) => void;
}

export interface ServerToClientEvents extends QaServerToClientEvents, InterpretationServerToClientEvents, FloorServerToClientEvents {
  [SOCKET_EVENTS.sessionUpdated]: (payload: { session: TSession }) => void;
  [QA_EVENTS.myQuestionUpdated]: (payload: TQaMyQuestionUpdated) => void;
}

/** The read-only presenter namespace: it can only sync, and it hears the public Q&A stream and the floor (speaking timer). */
export interface PresenterClientToServerEvents {
  [QA_EVENTS.sync]: (payload: TQaSyncPayload, ack: AckCallback<TQaSnapshot>) => void;
  [FLOOR_EVENTS.sync]: (payload: TFloorSessionPayload, ack: AckCallback<TFloorSnapshot>) => void;
}
export interface PresenterServerToClientEvents extends QaServerToClientEvents {
  [FLOOR_EVENTS.changed]: (payload: TFloorState) => void;
}

// The other direction: every constant names an event of a map. Checked here, apart from the
// declarations, because the maps' keys are computed from them.
type SocketEventName = keyof ClientToServerEvents | keyof ServerToClientEvents;
({ ...SOCKET_EVENTS, ...QA_EVENTS, ...FLOOR_EVENTS }) satisfies Record<string, SocketEventName>;

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  userId: string;
  isOrganiser: boolean;
  joinedSessions: string[];
  /** The interpretation channel this socket listens to, per session (counted for the booths). */
  listening?: Record<string, string>;
}
