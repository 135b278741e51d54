import { PUBLIC_QUESTION_STATUSES, type TModeratorQuestion, type TQuestion } from "@plenary/shared";
import type { QuestionRow } from "./qa.repository.ts";

/** The view every member gets: no author id, no organisation, no dismissal reason. */
export const toQuestion = (q: QuestionRow): TQuestion => ({
  id: q.id,
  sessionId: q.sessionId,
  seq: q.seq,
  text: q.text,
  language: q.language,
  status: q.status,
  anonymous: q.anonymous,
  authorName: q.anonymous ? null : q.authorName,
  highlighted: q.highlighted,
  voteCount: q.voteCount,
  reply: q.reply,
  mergedIntoId: q.mergedIntoId,
  createdAt: q.createdAt,
  publishedAt: q.publishedAt,
  answeredAt: q.answeredAt,
  repliedAt: q.repliedAt,
});

/** The moderators' view: the organisation of named askers and the dismissal reason, never an anonymous asker. */
export const toModeratorQuestion = (q: QuestionRow): TModeratorQuestion => ({
  ...toQuestion(q),
  authorOrganisation: q.anonymous ? null : q.authorOrganisation,
  dismissReason: q.dismissReason,
  updatedAt: q.updatedAt,
});

/** Visible to every member of the session. */
export const isPublic = (q: Pick<QuestionRow, "status">): boolean => PUBLIC_QUESTION_STATUSES.includes(q.status);

/** Was public at some point, so attendees may hold a copy that must now be removed. */
export const wasPublic = (q: Pick<QuestionRow, "publishedAt">): boolean => q.publishedAt !== null;
