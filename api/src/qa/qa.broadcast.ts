import { QA_EVENTS, type InterServerEvents, type PresenterClientToServerEvents, type PresenterServerToClientEvents } from "@plenary/shared";
import type { Namespace } from "socket.io";
import { userRoom } from "../realtime/login-rooms.ts";
import type { PlenaryServer } from "../realtime/types.ts";
import type { QaActor } from "./qa.access.ts";
import type { QaChange } from "./qa.change.ts";
import { isPublic, toModeratorQuestion, toQuestion, wasPublic } from "./qa.mapper.ts";
import type { QuestionRow } from "./qa.repository.ts";

/** Every member who is not a moderator; presenter sockets join the same name in their namespace. */
export const qaPublicRoom = (sessionId: string): string => `qa:${sessionId}:public`;
export const qaModeratorRoom = (sessionId: string): string => `qa:${sessionId}:moderators`;

/** The venue screens opened with a session's presenter links, so that revoking the links closes them. */
export const presenterLinkRoom = (sessionId: string): string => `presenter-links:${sessionId}`;

export interface PresenterSocketData {
  sessionId: string;
  /** The signed-in moderator or stage operator who opened it; absent for a screen opened with a link. */
  actor?: QaActor;
}
export type PresenterNamespace = Namespace<PresenterClientToServerEvents, PresenterServerToClientEvents, InterServerEvents, PresenterSocketData>;

/**
 * Fans a committed change out to each audience in the view it may see. Every audience gets
 * one event per seq, even when nothing in it is visible to them, so that a gap in the seqs a
 * client receives always means it missed something.
 */
export function createQaBroadcaster(io: PlenaryServer, presenters: PresenterNamespace) {
  const toPublic = (sessionId: string) => ({
    emit: <E extends keyof PresenterServerToClientEvents>(event: E, ...args: Parameters<PresenterServerToClientEvents[E]>) => {
      io.to(qaPublicRoom(sessionId)).emit(event, ...args);
      presenters.to(qaPublicRoom(sessionId)).emit(event, ...args);
    },
  });
  const toModerators = (sessionId: string) => io.to(qaModeratorRoom(sessionId));
  const toAuthors = (questions: QuestionRow[]) => {
    for (const q of questions) io.to(userRoom(q.authorId)).emit(QA_EVENTS.myQuestionUpdated, { question: toQuestion(q) });
  };

  return {
    publish(change: QaChange): void {
      const { sessionId, seq } = change;
      switch (change.kind) {
        case "asked": {
          const q = change.question;
          toModerators(sessionId).emit(QA_EVENTS.questionAsked, { sessionId, seq, question: toModeratorQuestion(q) });
          if (isPublic(q)) toPublic(sessionId).emit(QA_EVENTS.questionAsked, { sessionId, seq, question: toQuestion(q) });
          else toPublic(sessionId).emit(QA_EVENTS.questionsUpdated, { sessionId, seq, questions: [], removed: [] });
          toAuthors([q]);
          return;
        }
        case "updated": {
          const questions = change.questions;
          toModerators(sessionId).emit(QA_EVENTS.questionsUpdated, { sessionId, seq, questions: questions.map(toModeratorQuestion), removed: [] });
          toPublic(sessionId).emit(QA_EVENTS.questionsUpdated, {
            sessionId,
            seq,
            questions: questions.filter(isPublic).map(toQuestion),
            removed: questions.filter((q) => !isPublic(q) && wasPublic(q)).map((q) => q.id),
          });
          toAuthors(questions);
          return;
        }
        case "votes": {
          const counts = change.counts.map(({ id, voteCount }) => ({ id, voteCount }));
          toModerators(sessionId).emit(QA_EVENTS.votesChanged, { sessionId, seq, counts });
          const visible = change.counts.filter(isPublic).map(({ id, voteCount }) => ({ id, voteCount }));
          toPublic(sessionId).emit(QA_EVENTS.votesChanged, { sessionId, seq, counts: visible });
          return;
        }
        case "mode":
          toModerators(sessionId).emit(QA_EVENTS.modeChanged, { sessionId, seq, mode: change.mode });
          toPublic(sessionId).emit(QA_EVENTS.modeChanged, { sessionId, seq, mode: change.mode });
          return;
      }
    },
  };
}

export type QaBroadcaster = ReturnType<typeof createQaBroadcaster>;
