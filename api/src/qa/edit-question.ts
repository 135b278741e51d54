import type { TQaEditPayload } from "@plenary/shared";
import { AppError } from "../errors.ts";
import { detectLanguage } from "./detect-language.ts";
import { requireAction, type QaActor } from "./qa.access.ts";
import type { QaChange } from "./qa.change.ts";
import { findQuestion, lockQuestion, nextSeq, updateQuestion, type QaStore, type QuestionRow } from "./qa.repository.ts";

/**
 * The asker edits their own question: the text while it is pending review (the language is
 * detected again unless given), or only the language while it is pending or published.
 */
export async function editQuestion(options: { store: QaStore; actor: QaActor; input: TQaEditPayload }): Promise<{ question: QuestionRow; change: QaChange }> {
  const { store, actor, input } = options;
  const current = await findQuestion(store.sql, input.questionId);
  if (current.authorId !== actor.userId) throw new AppError("FORBIDDEN", "You can only edit your own questions.");
  await requireAction(store.sql, actor, current.sessionId, "qa.ask");
  return store.transaction(async (tx) => {
    const { seq } = await nextSeq(tx, current.sessionId);
    const locked = await lockQuestion(tx, input.questionId);
    if (input.text !== undefined && locked.status !== "PENDING") {
      throw new AppError("CONFLICT", "Only a question that is still pending review can be edited.");
    }
    if (locked.status !== "PENDING" && locked.status !== "PUBLISHED") {
      throw new AppError("CONFLICT", `The language of a ${locked.status.toLowerCase()} question cannot be changed.`);
    }
    const language = input.language ?? (input.text !== undefined ? detectLanguage(input.text).language : undefined);
    const question = await updateQuestion(tx, locked.id, seq, { text: input.text, language });
    return { question, change: { kind: "updated", sessionId: question.sessionId, seq, questions: [question] } };
  });
}
