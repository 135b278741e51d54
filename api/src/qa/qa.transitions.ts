import { QA_ACTION_FROM, type TQaModeratePayload } from "@plenary/shared";
import { AppError } from "../errors.ts";
import type { QuestionRow, QuestionUpdate } from "./qa.repository.ts";

type SingleAction = Exclude<TQaModeratePayload, { action: "merge" }>;

/** Refuses an action the shared table (QA_ACTION_FROM) does not allow from the question's status. */
export function checkAllowed(question: Pick<QuestionRow, "status">, action: TQaModeratePayload["action"]): void {
  if (!QA_ACTION_FROM[action].includes(question.status)) {
    throw new AppError("CONFLICT", `A ${question.status.toLowerCase()} question cannot be ${PAST_TENSE[action]}.`);
  }
}

const PAST_TENSE: Record<TQaModeratePayload["action"], string> = {
  approve: "approved",
  dismiss: "dismissed",
  restore: "restored",
  highlight: "put on screen",
  unhighlight: "taken off screen",
  answer: "marked as answered",
  archive: "archived",
  reply: "replied to",
  merge: "merged",
};

/**
 * The state machine of the moderator queue, as a pure function: the change one action makes
 * to one question, or a CONFLICT naming why it is not allowed. Taking a question out of view
 * (answered, dismissed, archived) also takes it off the screen.
 */
export function planTransition(question: Pick<QuestionRow, "status" | "highlighted" | "mergedIntoId">, payload: SingleAction): QuestionUpdate {
  checkAllowed(question, payload.action);
  switch (payload.action) {
    case "approve":
      return { status: "PUBLISHED", publishedAt: "keep-or-now" };
    case "dismiss":
      return { status: "DISMISSED", highlighted: false, dismissReason: payload.reason ?? null };
    case "restore":
      if (question.mergedIntoId) throw new AppError("CONFLICT", "A merged question cannot be restored; its votes now count on the other question.");
      return { status: "PUBLISHED", publishedAt: "keep-or-now", dismissReason: null, answeredAt: null };
    case "highlight":
      if (question.highlighted) throw new AppError("CONFLICT", "This question is already on screen.");
      return { highlighted: true };
    case "unhighlight":
      if (!question.highlighted) throw new AppError("CONFLICT", "This question is not on screen.");
      return { highlighted: false };
    case "answer":
      return { status: "ANSWERED", answeredAt: "now", highlighted: false };
    case "archive":
      return { status: "ARCHIVED", highlighted: false };
    case "reply":
      return { reply: payload.text, repliedAt: "now" };
  }
}

