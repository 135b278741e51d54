import type { TQaModeratePayload } from "@plenary/shared";
import { requireAction, type QaActor } from "./qa.access.ts";
import type { ModerateResult } from "./qa.change.ts";
import { findQuestion, lockQuestion, nextSeq, selectQuestions, updateQuestion, type QaStore, type QuestionRow } from "./qa.repository.ts";
import { planTransition } from "./qa.transitions.ts";
import { mergeQuestions } from "./merge-questions.ts";

/**
 * Applies one moderator action to one question, checked against the queue's state machine
 * (qa.transitions.ts) under the session's Q&A lock. Only moderators of the question's own
 * session and organisers may do this.
 */
export async function moderateQuestion(options: { store: QaStore; actor: QaActor; input: TQaModeratePayload }): Promise<ModerateResult> {
  const { store, actor, input } = options;
  if (input.action === "merge") return mergeQuestions({ store, actor, sourceId: input.questionId, targetId: input.intoId });
  const current = await findQuestion(store.sql, input.questionId);
  await requireAction(store.sql, actor, current.sessionId, "qa.moderate");
  return store.transaction(async (tx) => {
    const { seq } = await nextSeq(tx, current.sessionId);
    const locked = await lockQuestion(tx, input.questionId);
    const update = planTransition(locked, input);
    const changed: QuestionRow[] = [];
    if (update.highlighted === true) {
      // One question on screen at a time: whatever was there comes off in the same change.
      const previous = await selectQuestions(tx, `q."sessionId" = $1::uuid AND q.highlighted AND q.id <> $2::uuid`, [current.sessionId, locked.id]);
      for (const other of previous) changed.push(await updateQuestion(tx, other.id, seq, { highlighted: false }));
    }
    changed.push(await updateQuestion(tx, locked.id, seq, update));
    return { seq, questions: changed, change: { kind: "updated", sessionId: current.sessionId, seq, questions: changed } };
  });
}
