import { QA_MERGE_TARGET_FROM } from "@plenary/shared";
import { AppError } from "../errors.ts";
import { requireAction, type QaActor } from "./qa.access.ts";
import type { ModerateResult } from "./qa.change.ts";
import { findQuestion, lockQuestion, nextSeq, updateQuestion, type QaStore } from "./qa.repository.ts";
import { checkAllowed } from "./qa.transitions.ts";

/**
 * Merges a duplicate into another question of the same session. The duplicate's voters, and its
 * asker, now back the target, each counted once (the Vote key and ON CONFLICT DO NOTHING); the
 * target's own asker never votes for it. The duplicate is archived with a link to the target.
 */
export async function mergeQuestions(options: { store: QaStore; actor: QaActor; sourceId: string; targetId: string }): Promise<ModerateResult> {
  const { store, actor, sourceId, targetId } = options;
  if (sourceId === targetId) throw new AppError("BAD_REQUEST", "A question cannot be merged into itself.", { fields: { intoId: "must be another question" } });
  const source = await findQuestion(store.sql, sourceId);
  await requireAction(store.sql, actor, source.sessionId, "qa.moderate");
  return store.transaction(async (tx) => {
    const { seq } = await nextSeq(tx, source.sessionId);
    const [first, second] = [sourceId, targetId].sort();
    const locked = new Map([[first!, await lockQuestion(tx, first!)], [second!, await lockQuestion(tx, second!)]]);
    const from = locked.get(sourceId)!;
    const into = locked.get(targetId)!;
    if (into.sessionId !== from.sessionId) throw new AppError("NOT_FOUND", "Question not found.");
    checkAllowed(from, "merge");
    if (!QA_MERGE_TARGET_FROM.includes(into.status)) {
      throw new AppError("CONFLICT", `A question can only be merged into a published or answered one, not a ${into.status.toLowerCase()} one.`);
    }
    await tx(
      `INSERT INTO "Vote" ("questionId", "userId", "createdAt")
       SELECT $1::uuid, voter, (now() AT TIME ZONE 'UTC')
         FROM (SELECT "userId" AS voter FROM "Vote" WHERE "questionId" = $2::uuid UNION SELECT $3::uuid) AS backers
        WHERE voter <> $4::uuid
       ON CONFLICT DO NOTHING`,
      [into.id, from.id, from.authorId, into.authorId],
    );
    const archived = await updateQuestion(tx, from.id, seq, { status: "ARCHIVED", highlighted: false, mergedIntoId: into.id });
    const target = await updateQuestion(tx, into.id, seq, { recountVotes: true });
    const questions = [archived, target];
    return { seq, questions, change: { kind: "updated", sessionId: from.sessionId, seq, questions } };
  });
}
