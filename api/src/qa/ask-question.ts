import type { TQaAskPayload } from "@plenary/shared";
import { AppError } from "../errors.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { detectLanguage } from "./detect-language.ts";
import { requireAction, type QaActor } from "./qa.access.ts";
import type { QaChange } from "./qa.change.ts";
import { findQuestion, nextSeq, NOW_UTC, selectQuestions, type QaStore, type QuestionRow } from "./qa.repository.ts";

export interface AskQuestionOptions {
  store: QaStore;
  actor: QaActor;
  input: Required<Pick<TQaAskPayload, "sessionId" | "clientId" | "text" | "anonymous">> & { language?: string };
  /** Spent only for new questions, so a retried ask is never refused for being a retry. */
  rateLimit?: Limiter;
}

export interface AskQuestionResult {
  question: QuestionRow;
  duplicate: boolean;
  change?: QaChange;
}

class DuplicateAsk extends Error {}

/**
 * Stores a new question: published at once in an open session, pending review in a moderated
 * one, refused in a closed one. The (author, clientId) unique key makes retries idempotent:
 * a retry gets the original question back and changes nothing.
 */
export async function askQuestion(options: AskQuestionOptions): Promise<AskQuestionResult> {
  const { store, actor, input } = options;
  const retry = await findRetry(options);
  if (retry) return retry;

  await requireAction(store.sql, actor, input.sessionId, "qa.ask");
  await options.rateLimit?.consume(actor.userId);
  const language = input.language ?? detectLanguage(input.text).language;
  try {
    return await store.transaction(async (tx) => {
      const session = await nextSeq(tx, input.sessionId);
      if (session.mode === "CLOSED") throw new AppError("CONFLICT", "Questions are closed for this session.");
      const status = session.mode === "OPEN" ? "PUBLISHED" : "PENDING";
      const [inserted] = await tx<{ id: string }>(
        `INSERT INTO "Question" (id, "sessionId", "authorId", "clientId", anonymous, text, language, status, seq, "publishedAt", "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5, $6, $7::text::"QuestionStatus", $8,
                 CASE WHEN $7::text = 'PUBLISHED' THEN ${NOW_UTC} END, ${NOW_UTC}, ${NOW_UTC})
         ON CONFLICT ("authorId", "clientId") DO NOTHING RETURNING id`,
        [input.sessionId, actor.userId, input.clientId, input.anonymous, input.text, language, status, session.seq],
      );
      // A concurrent retry won the race; abandon this transaction (and its seq) and return that one.
      if (!inserted) throw new DuplicateAsk();
      const question = await findQuestion(tx, inserted.id);
      return { question, duplicate: false, change: { kind: "asked", sessionId: input.sessionId, seq: session.seq, question } };
    });
  } catch (err) {
    if (err instanceof DuplicateAsk) return (await findRetry(options))!;
    throw err;
  }
}

async function findRetry({ store, actor, input }: AskQuestionOptions): Promise<AskQuestionResult | undefined> {
  const [existing] = await selectQuestions(store.sql, `q."authorId" = $1::uuid AND q."clientId" = $2`, [actor.userId, input.clientId]);
  if (!existing) return undefined;
  if (existing.sessionId !== input.sessionId) throw new AppError("CONFLICT", "This client id was already used for another question.");
  return { question: existing, duplicate: true };
}
