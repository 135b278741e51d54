import {
  PUBLIC_QUESTION_STATUSES,
  type TQaModeChanged,
  type TQaQuestionAsked,
  type TQaQuestionsUpdated,
  type TQaSnapshot,
  type TQaView,
  type TQaVotesChanged,
  type TQuestion,
} from "./qa.types.ts";
import type { TQaMode } from "./sessions.types.ts";

/**
 * A client's copy of one session's Q&A, kept in step with the server by seq numbers. Pure
 * functions, no sockets and no React: the session page, the moderator console, the presenter
 * screen, the tests and the bench all use the same rules.
 */
export interface QaState<Q extends TQuestion = TQuestion> {
  sessionId: string;
  seq: number;
  mode: TQaMode;
  view: TQaView;
  questions: Record<string, Q>;
  mine: string[];
  myVotes: string[];
}

/** One broadcast of the session's stream, tagged with its event name. */
export type QaStreamEvent<Q extends TQuestion = TQuestion> =
  | { type: "asked"; payload: TQaQuestionAsked<Q> }
  | { type: "updated"; payload: TQaQuestionsUpdated<Q> }
  | { type: "votes"; payload: TQaVotesChanged }
  | { type: "mode"; payload: TQaModeChanged };

/** applied: the event was next in line; stale: already included; gap: something was missed, sync. */
export type ApplyOutcome = "applied" | "stale" | "gap";

const upsert = <Q extends TQuestion>(questions: Record<string, Q>, q: Q): Record<string, Q> => {
  const known = questions[q.id];
  return known && known.seq > q.seq ? questions : { ...questions, [q.id]: q };
};

const without = <Q extends TQuestion>(questions: Record<string, Q>, ids: string[]): Record<string, Q> => {
  if (!ids.some((id) => id in questions)) return questions;
  const next = { ...questions };
  for (const id of ids) delete next[id];
  return next;
};

/** Applies a `qa:sync` answer: a reset replaces everything, a delta merges into what the client had. */
export function applySnapshot<Q extends TQuestion>(state: QaState<Q> | undefined, snapshot: TQaSnapshot<Q>): QaState<Q> {
  const base = snapshot.reset || !state ? {} : state.questions;
  let questions = without(base, snapshot.removed);
  for (const q of snapshot.questions) questions = q.status === "WITHDRAWN" ? without(questions, [q.id]) : upsert(questions, q);
  const mine = new Set([...(snapshot.reset || !state ? [] : state.mine), ...snapshot.mine]);
  return {
    sessionId: snapshot.sessionId,
    seq: snapshot.seq,
    mode: snapshot.mode,
    view: snapshot.view,
    questions,
    mine: [...mine].filter((id) => id in questions),
    myVotes: snapshot.myVotes,
  };
}

/** Applies one broadcast if it is the next seq; reports a gap (state unchanged) if seqs were skipped. */
export function applyEvent<Q extends TQuestion>(state: QaState<Q>, event: QaStreamEvent<Q>): { state: QaState<Q>; outcome: ApplyOutcome } {
  const { seq } = event.payload;
  if (seq <= state.seq) return { state, outcome: "stale" };
  if (seq > state.seq + 1) return { state, outcome: "gap" };
  let next: QaState<Q> = { ...state, seq };
  switch (event.type) {
    case "asked":
      next.questions = upsert(state.questions, event.payload.question);
      break;
    case "updated": {
      let questions = without(state.questions, event.payload.removed);
      for (const q of event.payload.questions) questions = q.status === "WITHDRAWN" ? without(questions, [q.id]) : upsert(questions, q);
      next = { ...next, questions, mine: state.mine.filter((id) => id in questions) };
      break;
    }
    case "votes": {
      const questions = { ...state.questions };
      for (const { id, voteCount } of event.payload.counts) {
        const q = questions[id];
        if (q) questions[id] = { ...q, voteCount, seq };
      }
      next.questions = questions;
      break;
    }
    case "mode":
      next.mode = event.payload.mode;
      break;
  }
  return { state: next, outcome: "applied" };
}

/** The asker's private news about their own question, ordered by the question's own seq. */
export function applyMyQuestion<Q extends TQuestion>(state: QaState<Q>, question: Q): QaState<Q> {
  if (question.status === "WITHDRAWN") {
    const questions = without(state.questions, [question.id]);
    return { ...state, questions, mine: state.mine.filter((id) => id !== question.id) };
  }
  const questions = upsert(state.questions, question);
  if (questions === state.questions && state.mine.includes(question.id)) return state;
  return { ...state, questions, mine: state.mine.includes(question.id) ? state.mine : [...state.mine, question.id] };
}

/** Records the caller's own vote after its ack (the count itself arrives with the next votes event). */
export function setMyVote<Q extends TQuestion>(state: QaState<Q>, questionId: string, up: boolean): QaState<Q> {
  const others = state.myVotes.filter((id) => id !== questionId);
  return { ...state, myVotes: up ? [...others, questionId] : others };
}

export type QaSort = "top" | "newest";

const isPublic = (q: TQuestion) => PUBLIC_QUESTION_STATUSES.includes(q.status);

/** Questions every member sees, sorted: top by votes (older first on ties), or newest first. */
export function publicQuestions<Q extends TQuestion>(state: QaState<Q>, sort: QaSort): Q[] {
  const list = Object.values(state.questions).filter(isPublic);
  return list.sort((a, b) =>
    sort === "top" ? b.voteCount - a.voteCount || a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt),
  );
}

/** The caller's own questions, newest first, whatever their status. */
export function myQuestions<Q extends TQuestion>(state: QaState<Q>): Q[] {
  return state.mine.flatMap((id) => state.questions[id] ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The question on screen now, if any. */
export function onScreen<Q extends TQuestion>(state: QaState<Q>): Q | undefined {
  return Object.values(state.questions).find((q) => q.highlighted);
}
