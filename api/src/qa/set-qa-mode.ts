import type { TQaMode } from "@plenary/shared";
import { requireAction, type QaActor } from "./qa.access.ts";
import type { QaChange } from "./qa.change.ts";
import { nextSeq, type QaStore } from "./qa.repository.ts";

/**
 * Switches a session between moderated, open and closed Q&A. Questions already pending stay
 * pending when a session opens: a moderator still decides on them.
 */
export async function setQaMode(options: { store: QaStore; actor: QaActor; sessionId: string; mode: TQaMode }): Promise<{ seq: number; mode: TQaMode; change?: QaChange }> {
  const { store, actor, sessionId, mode } = options;
  const access = await requireAction(store.sql, actor, sessionId, "qa.moderate");
  if (access.mode === mode) {
    const [row] = await store.sql<{ seq: number }>(`SELECT "qaSeq" AS seq FROM "Session" WHERE id = $1::uuid`, [sessionId]);
    return { seq: row!.seq, mode };
  }
  return store.transaction(async (tx) => {
    const { seq } = await nextSeq(tx, sessionId);
    await tx(`UPDATE "Session" SET "qaMode" = $2::text::"QaMode" WHERE id = $1::uuid`, [sessionId, mode]);
    return { seq, mode, change: { kind: "mode", sessionId, seq, mode } };
  });
}
