import type { TQaMode, TQaView } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { isPublic } from "./qa.mapper.ts";
import { QUESTION_COLUMNS, type QuestionRow } from "./qa.repository.ts";

export interface QaSnapshotRows {
  sessionId: string;
  seq: number;
  mode: TQaMode;
  view: TQaView;
  reset: boolean;
  questions: QuestionRow[];
  removed: string[];
  mine: string[];
  myVotes: string[];
}

// Which rows each view may receive. $3 is the caller (the nil UUID for the presenter).
const FULL: Record<TQaView, string> = {
  moderator: `q.status <> 'WITHDRAWN'`,
  attendee: `(q.status IN ('PUBLISHED', 'ANSWERED') OR (q."authorId" = $3::uuid AND q.status <> 'WITHDRAWN'))`,
  presenter: `q.status IN ('PUBLISHED', 'ANSWERED')`,
};
// A delta also carries questions that left the view, so that clients drop their copy.
const DELTA: Record<TQaView, string> = {
  moderator: `TRUE`,
  attendee: `(q.status IN ('PUBLISHED', 'ANSWERED') OR q."authorId" = $3::uuid OR q."publishedAt" IS NOT NULL)`,
  presenter: `(q.status IN ('PUBLISHED', 'ANSWERED') OR q."publishedAt" IS NOT NULL)`,
};

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * The session's Q&A as one view sees it at one seq. A single SQL statement reads the seq, the
 * questions and the caller's votes from one database snapshot, so the result matches the seq
 * exactly: every change up to it is in, none after it. With `sinceSeq` only questions changed
 * after it come back (unless the client is ahead of the database, which gets a full reset).
 */
export async function getQaSnapshot(options: { sql: SqlQuery; sessionId: string; view: TQaView; userId?: string; sinceSeq?: number }): Promise<QaSnapshotRows> {
  const { sql, sessionId, view } = options;
  const userId = view === "presenter" ? NIL_UUID : (options.userId ?? NIL_UUID);
  const read = async (since: number | undefined) => {
    const [row] = await sql<{ seq: number; mode: TQaMode; questions: QuestionRow[]; myVotes: string[] }>(
      `SELECT s."qaSeq" AS seq, s."qaMode"::text AS mode,
              COALESCE((SELECT json_agg(x ORDER BY x."createdAt", x.id) FROM (
                SELECT ${QUESTION_COLUMNS} FROM "Question" q JOIN "User" u ON u.id = q."authorId"
                 WHERE q."sessionId" = s.id AND q.seq > $2 AND ${since === undefined ? FULL[view] : DELTA[view]}) x), '[]') AS questions,
              ARRAY(SELECT v."questionId"::text FROM "Vote" v JOIN "Question" vq ON vq.id = v."questionId"
                     WHERE v."userId" = $3::uuid AND vq."sessionId" = s.id) AS "myVotes"
         FROM "Session" s WHERE s.id = $1::uuid`,
      [sessionId, since ?? -1, userId],
    );
    if (!row) throw new AppError("NOT_FOUND", "Session not found.");
    return row;
  };
  let since = options.sinceSeq;
  let row = await read(since);
  if (since !== undefined && since > row.seq) {
    since = undefined;
    row = await read(since);
  }
  const own = (q: QuestionRow) => view !== "presenter" && q.authorId === userId;
  const visible = (q: QuestionRow) => view === "moderator" || isPublic(q) || own(q);
  return {
    sessionId,
    seq: row.seq,
    mode: row.mode,
    view,
    reset: since === undefined,
    questions: row.questions.filter(visible),
    removed: row.questions.filter((q) => !visible(q)).map((q) => q.id),
    mine: row.questions.filter(own).map((q) => q.id),
    myVotes: view === "presenter" ? [] : row.myVotes,
  };
}
