import type { TQaVotePayload, TQaVoteResult, TQaMode } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import { authorize } from "../access/policy.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { accessFrom, ROLES_OF_USER, type QaActor } from "./qa.access.ts";

export interface VoteQuestionResult {
  result: TQaVoteResult;
  sessionId: string;
  /** False when the vote was already as asked (a retry or a double click): nothing to broadcast. */
  changed: boolean;
}

/**
 * Sets the actor's upvote on a published question. The Vote primary key (question, user) and
 * ON CONFLICT DO NOTHING make a retried vote count once, whatever the client does. Counts are
 * not touched here: the vote-count flush recomputes them from the Vote rows.
 * Plain SQL, two round trips: this is the hottest Q&A path.
 */
export async function voteQuestion(options: { sql: SqlQuery; actor: QaActor; input: TQaVotePayload; rateLimit?: Limiter }): Promise<VoteQuestionResult> {
  const { sql, actor, input } = options;
  await options.rateLimit?.consume(actor.userId);
  const [question] = await sql<{ sessionId: string; authorId: string; status: string; sessionStatus: SessionStatus; mode: TQaMode; roles: string[] }>(
    `SELECT q."sessionId", q."authorId", q.status::text AS status, s.status::text AS "sessionStatus", s."qaMode"::text AS mode, ${ROLES_OF_USER} AS roles
       FROM "Question" q JOIN "Session" s ON s.id = q."sessionId" WHERE q.id = $1::uuid`,
    [input.questionId, actor.userId],
  );
  if (!question) throw new AppError("NOT_FOUND", "Question not found.");
  authorize(accessFrom(actor, { sessionId: question.sessionId, status: question.sessionStatus, mode: question.mode, roles: question.roles }).policy, "qa.vote");
  if (question.authorId === actor.userId) throw new AppError("FORBIDDEN", "You cannot upvote your own question.");

  const result = { questionId: input.questionId, clientId: input.clientId, up: input.up };
  if (!input.up) {
    const removed = await sql(`DELETE FROM "Vote" WHERE "questionId" = $1::uuid AND "userId" = $2::uuid RETURNING 1`, [input.questionId, actor.userId]);
    return { result, sessionId: question.sessionId, changed: removed.length > 0 };
  }
  // FOR KEY SHARE waits for a moderator's change to this question in flight (a merge locks it),
  // then re-checks the status, so no vote lands on a question that has just been merged away.
  const [outcome] = await sql<{ open: number; inserted: number }>(
    `WITH target AS (SELECT id FROM "Question" WHERE id = $1::uuid AND status = 'PUBLISHED' FOR KEY SHARE),
          added AS (INSERT INTO "Vote" ("questionId", "userId", "createdAt") SELECT id, $2::uuid, (now() AT TIME ZONE 'UTC') FROM target
                    ON CONFLICT DO NOTHING RETURNING 1)
     SELECT (SELECT count(*)::int FROM target) AS open, (SELECT count(*)::int FROM added) AS inserted`,
    [input.questionId, actor.userId],
  );
  if (!outcome?.open) throw new AppError("CONFLICT", "This question is not open for votes.");
  return { result, sessionId: question.sessionId, changed: outcome.inserted > 0 };
}
