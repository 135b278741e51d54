import { AppError } from "../errors.ts";
import type { QaActor } from "./qa.access.ts";
import type { QaChange } from "./qa.change.ts";
import { findQuestion, lockQuestion, nextSeq, updateQuestion, type QaStore, type QuestionRow } from "./qa.repository.ts";

/** The asker takes back their own question while it is still pending review. */
export async function withdrawQuestion(options: { store: QaStore; actor: QaActor; questionId: string }): Promise<{ question: QuestionRow; change: QaChange }> {
  const { store, actor, questionId } = options;
  const current = await findQuestion(store.sql, questionId);
  if (current.authorId !== actor.userId) throw new AppError("FORBIDDEN", "You can only withdraw your own questions.");
  return store.transaction(async (tx) => {
    const { seq } = await nextSeq(tx, current.sessionId);
    const locked = await lockQuestion(tx, questionId);
    if (locked.status !== "PENDING") throw new AppError("CONFLICT", "Only a question that is still pending review can be withdrawn.");
    const question = await updateQuestion(tx, questionId, seq, { status: "WITHDRAWN", highlighted: false });
    return { question, change: { kind: "updated", sessionId: question.sessionId, seq, questions: [question] } };
  });
}
