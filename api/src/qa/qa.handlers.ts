import {
  QA_EVENTS,
  ZQaAskPayload,
  ZQaEditPayload,
  ZQaLeavePayload,
  ZQaModeratePayload,
  ZQaQuestionRef,
  ZQaSetModePayload,
  ZQaSyncPayload,
  ZQaVotePayload,
} from "@plenary/shared";
import type { Logger } from "pino";
import type { Limiter } from "../lib/rate-limit.ts";
import { acknowledged } from "../realtime/ack.ts";
import type { PlenarySocket } from "../realtime/types.ts";
import { askQuestion } from "./ask-question.ts";
import { editQuestion } from "./edit-question.ts";
import { getQaSnapshot } from "./get-qa-snapshot.ts";
import { moderateQuestion } from "./moderate-question.ts";
import { canDo, requireAction } from "./qa.access.ts";
import { qaModeratorRoom, qaPublicRoom, type QaBroadcaster } from "./qa.broadcast.ts";
import { toModeratorQuestion, toQuestion } from "./qa.mapper.ts";
import type { QaStore } from "./qa.repository.ts";
import { setQaMode } from "./set-qa-mode.ts";
import type { VoteCoalescer } from "./vote-coalescer.ts";
import { voteQuestion } from "./vote-question.ts";
import { withdrawQuestion } from "./withdraw-question.ts";

export interface QaHandlerDeps {
  store: QaStore;
  logger: Logger;
  broadcaster: QaBroadcaster;
  votes: VoteCoalescer;
  limits: { questions: Limiter; votes: Limiter; syncs: Limiter };
}

/**
 * Thin socket handlers: validate (acknowledged), call one service, fan out what it changed,
 * acknowledge the caller. Services check who may do what; nothing here trusts the client.
 */
export function registerQaHandlers(socket: PlenarySocket, deps: QaHandlerDeps): void {
  const { store, logger, broadcaster } = deps;
  const actor = () => ({ userId: socket.data.userId, isOrganiser: socket.data.isOrganiser });

  socket.on(
    QA_EVENTS.sync,
    acknowledged(logger, ZQaSyncPayload, async ({ sessionId, sinceSeq }) => {
      await deps.limits.syncs.consume(socket.data.userId);
      const access = await requireAction(store.sql, actor(), sessionId, "qa.read");
      const moderates = canDo(access, "qa.moderate");
      const view = moderates ? "moderator" : "attendee";
      // Join before reading: a change committed after the read is then sure to reach this socket.
      // After the end an attendee reads the archive once; the live stream is over for them.
      await socket.leave(moderates ? qaPublicRoom(sessionId) : qaModeratorRoom(sessionId));
      if (moderates || canDo(access, "qa.follow")) await socket.join(moderates ? qaModeratorRoom(sessionId) : qaPublicRoom(sessionId));
      else await socket.leave(qaPublicRoom(sessionId));
      const snapshot = await getQaSnapshot({ sql: store.sql, sessionId, view, userId: socket.data.userId, sinceSeq });
      if (view === "moderator") return { ...snapshot, view, questions: snapshot.questions.map(toModeratorQuestion) };
      return { ...snapshot, view, questions: snapshot.questions.map(toQuestion) };
    }),
  );

  socket.on(
    QA_EVENTS.leave,
    acknowledged(logger, ZQaLeavePayload, async ({ sessionId }) => {
      await socket.leave(qaPublicRoom(sessionId));
      await socket.leave(qaModeratorRoom(sessionId));
      return { left: true as const };
    }),
  );

  socket.on(
    QA_EVENTS.ask,
    acknowledged(logger, ZQaAskPayload, async (input) => {
      const { question, duplicate, change } = await askQuestion({ store, actor: actor(), input, rateLimit: deps.limits.questions });
      if (change) broadcaster.publish(change);
      return { question: toQuestion(question), duplicate };
    }),
  );

  socket.on(
    QA_EVENTS.vote,
    acknowledged(logger, ZQaVotePayload, async (input) => {
      const { result, sessionId, changed } = await voteQuestion({ sql: store.sql, actor: actor(), input, rateLimit: deps.limits.votes });
      if (changed) deps.votes.mark(sessionId, input.questionId);
      return result;
    }),
  );

  socket.on(
    QA_EVENTS.edit,
    acknowledged(logger, ZQaEditPayload, async (input) => {
      const { question, change } = await editQuestion({ store, actor: actor(), input });
      broadcaster.publish(change);
      return { question: toQuestion(question) };
    }),
  );

  socket.on(
    QA_EVENTS.withdraw,
    acknowledged(logger, ZQaQuestionRef, async ({ questionId }) => {
      const { question, change } = await withdrawQuestion({ store, actor: actor(), questionId });
      broadcaster.publish(change);
      return { question: toQuestion(question) };
    }),
  );

  socket.on(
    QA_EVENTS.moderate,
    acknowledged(logger, ZQaModeratePayload, async (input) => {
      const { seq, questions, change } = await moderateQuestion({ store, actor: actor(), input });
      broadcaster.publish(change);
      return { seq, questions: questions.map(toModeratorQuestion) };
    }),
  );

  socket.on(
    QA_EVENTS.setMode,
    acknowledged(logger, ZQaSetModePayload, async ({ sessionId, mode }) => {
      const result = await setQaMode({ store, actor: actor(), sessionId, mode });
      if (result.change) broadcaster.publish(result.change);
      return { seq: result.seq, mode: result.mode };
    }),
  );
}

