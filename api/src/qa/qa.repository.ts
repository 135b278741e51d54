import type { TQaMode, TQuestionStatus } from "@plenary/shared";
import type { SqlQuery, SqlTransaction } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";

/**
 * What Q&A services need from the database: plain SQL and plain-SQL transactions, on PostgreSQL
 * or embedded PGlite alike. Q&A is a hot path (every vote, every resync), so it skips Prisma.
 */
export interface QaStore {
  sql: SqlQuery;
  transaction: SqlTransaction;
}

/**
 * A question as the database holds it, with the asker's name and organisation already blanked
 * for anonymous questions: no query in this module ever selects who asked an anonymous question.
 * `authorId` stays server-side (ownership checks, rate limits, the asker's private channel).
 */
export interface QuestionRow {
  id: string;
  sessionId: string;
  authorId: string;
  seq: number;
  text: string;
  language: string;
  status: TQuestionStatus;
  anonymous: boolean;
  authorName: string | null;
  authorOrganisation: string | null;
  highlighted: boolean;
  voteCount: number;
  reply: string | null;
  mergedIntoId: string | null;
  dismissReason: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  answeredAt: string | null;
  repliedAt: string | null;
}

/**
 * Prisma stores DateTime as UTC in `timestamp(3)` columns. Raw SQL writes the same, whatever the
 * connection's TimeZone, and formats on the way out so the driver never guesses a zone.
 */
export const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;
export const isoTime = (column: string): string => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const QUESTION_COLUMNS = `
  q.id, q."sessionId", q."authorId", q.seq, q.text, q.language, q.status::text AS status, q.anonymous,
  CASE WHEN q.anonymous THEN NULL ELSE u."displayName" END AS "authorName",
  CASE WHEN q.anonymous THEN NULL ELSE NULLIF(u.organisation, '') END AS "authorOrganisation",
  q.highlighted, q."voteCount", q.reply, q."mergedIntoId", q."dismissReason",
  ${isoTime('q."createdAt"')} AS "createdAt", ${isoTime('q."updatedAt"')} AS "updatedAt",
  ${isoTime('q."publishedAt"')} AS "publishedAt", ${isoTime('q."answeredAt"')} AS "answeredAt",
  ${isoTime('q."repliedAt"')} AS "repliedAt"`;

/** Questions matching a WHERE clause over `q` (Question) and `u` (its author), oldest first. */
export function selectQuestions(sql: SqlQuery, where: string, params: unknown[]): Promise<QuestionRow[]> {
  return sql<QuestionRow>(
    `SELECT ${QUESTION_COLUMNS} FROM "Question" q JOIN "User" u ON u.id = q."authorId" WHERE ${where} ORDER BY q."createdAt", q.id`,
    params,
  );
}

export async function findQuestion(sql: SqlQuery, id: string): Promise<QuestionRow> {
  const [row] = await selectQuestions(sql, "q.id = $1::uuid", [id]);
  if (!row) throw new AppError("NOT_FOUND", "Question not found.");
  return row;
}

/** SQL inside a transaction: the same shape as the pool's, on the transaction's connection. */
export type TxSql = SqlQuery;

export interface SessionQaState {
  seq: number;
  mode: TQaMode;
  status: SessionStatus;
}

/**
 * Takes the session's next Q&A sequence number. The row lock it takes is held until the
 * transaction ends, so Q&A changes of one session commit one at a time, in seq order.
 */
export async function nextSeq(tx: TxSql, sessionId: string): Promise<SessionQaState> {
  const [row] = await tx<SessionQaState>(
    `UPDATE "Session" SET "qaSeq" = "qaSeq" + 1 WHERE id = $1::uuid RETURNING "qaSeq" AS seq, "qaMode"::text AS mode, status::text AS status`,
    [sessionId],
  );
  if (!row) throw new AppError("NOT_FOUND", "Session not found.");
  return row;
}

/** Locks one question for the rest of the transaction and returns it (a concurrent vote waits, then re-checks). */
export async function lockQuestion(tx: TxSql, id: string): Promise<QuestionRow> {
  const [locked] = await tx<{ id: string }>(`SELECT id FROM "Question" WHERE id = $1::uuid FOR UPDATE`, [id]);
  if (!locked) throw new AppError("NOT_FOUND", "Question not found.");
  return findQuestion(tx, id);
}

/** Column changes to one question. `"now"` stamps the time; `"keep-or-now"` stamps it unless already set. */
export interface QuestionUpdate {
  status?: TQuestionStatus;
  text?: string;
  language?: string;
  highlighted?: boolean;
  reply?: string;
  dismissReason?: string | null;
  publishedAt?: "now" | "keep-or-now";
  answeredAt?: "now" | null;
  repliedAt?: "now";
  mergedIntoId?: string;
  /** Recount from the Vote rows, the source of truth for votes. */
  recountVotes?: true;
}

/** Applies an update, stamps the change with `seq`, and returns the question as it now is. */
export async function updateQuestion(tx: TxSql, id: string, seq: number, update: QuestionUpdate): Promise<QuestionRow> {
  const params: unknown[] = [id, seq];
  const set = [`seq = $2`, `"updatedAt" = ${NOW_UTC}`];
  const value = (v: unknown) => (params.push(v), `$${params.length}`);
  if (update.status !== undefined) set.push(`status = ${value(update.status)}::text::"QuestionStatus"`);
  if (update.text !== undefined) set.push(`text = ${value(update.text)}`);
  if (update.language !== undefined) set.push(`language = ${value(update.language)}`);
  if (update.highlighted !== undefined) set.push(`highlighted = ${value(update.highlighted)}`);
  if (update.reply !== undefined) set.push(`reply = ${value(update.reply)}`);
  if (update.dismissReason !== undefined) set.push(`"dismissReason" = ${value(update.dismissReason)}`);
  if (update.publishedAt === "now") set.push(`"publishedAt" = ${NOW_UTC}`);
  if (update.publishedAt === "keep-or-now") set.push(`"publishedAt" = COALESCE("publishedAt", ${NOW_UTC})`);
  if (update.answeredAt === "now") set.push(`"answeredAt" = ${NOW_UTC}`);
  if (update.answeredAt === null) set.push(`"answeredAt" = NULL`);
  if (update.repliedAt === "now") set.push(`"repliedAt" = ${NOW_UTC}`);
  if (update.mergedIntoId !== undefined) set.push(`"mergedIntoId" = ${value(update.mergedIntoId)}::uuid`);
  if (update.recountVotes) set.push(`"voteCount" = (SELECT count(*)::int FROM "Vote" v WHERE v."questionId" = $1::uuid)`);
  await tx(`UPDATE "Question" SET ${set.join(", ")} WHERE id = $1::uuid`, params);
  return findQuestion(tx, id);
}
