import type { QaChange, VoteCount } from "./qa.change.ts";
import { nextSeq, type QaStore } from "./qa.repository.ts";

class NothingChanged extends Error {}

/**
 * Recounts the votes of some questions of one session from the Vote rows and stores the counts
 * that moved, as one Q&A change with one seq. The count comes from the rows, not from adding up
 * events, so however many votes arrived (on however many api processes), it is exact.
 * Returns nothing, and uses no seq, when no count moved.
 */
export async function flushVoteCounts(options: { store: QaStore; sessionId: string; questionIds: string[] }): Promise<QaChange | undefined> {
  const { store, sessionId, questionIds } = options;
  if (questionIds.length === 0) return undefined;
  try {
    return await store.transaction(async (tx) => {
      const { seq } = await nextSeq(tx, sessionId);
      const counts = await tx<VoteCount>(
        `UPDATE "Question" q SET "voteCount" = c.n, seq = $3
           FROM (SELECT q2.id, (SELECT count(*)::int FROM "Vote" v WHERE v."questionId" = q2.id) AS n
                   FROM "Question" q2 WHERE q2.id = ANY($2::uuid[]) AND q2."sessionId" = $1::uuid) c
          WHERE q.id = c.id AND q."voteCount" <> c.n
          RETURNING q.id, q."voteCount", q.status::text AS status`,
        [sessionId, questionIds, seq],
      );
      if (counts.length === 0) throw new NothingChanged();
      return { kind: "votes" as const, sessionId, seq, counts };
    });
  } catch (err) {
    if (err instanceof NothingChanged) return undefined;
    throw err;
  }
}

/**
 * Questions whose stored count disagrees with their Vote rows, by session: votes that were
 * stored by a process that died before its next flush. Flushing them at start-up makes the
 * counts exact again and tells every client through the usual seq.
 */
export async function findStaleVoteCounts(store: QaStore): Promise<Map<string, string[]>> {
  const rows = await store.sql<{ sessionId: string; id: string }>(
    `SELECT q."sessionId", q.id FROM "Question" q
      WHERE q."voteCount" <> (SELECT count(*) FROM "Vote" v WHERE v."questionId" = q.id)`,
  );
  const bySession = new Map<string, string[]>();
  for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row.id]);
  return bySession;
}
