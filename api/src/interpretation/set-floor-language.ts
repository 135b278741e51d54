import type { TLanguage } from "@plenary/shared";
import { authorize } from "../access/policy.ts";
import { AppError } from "../errors.ts";
import { bumpSeq, loadSessionRow, rolesOf, type InterpretationStore } from "./interpretation.repository.ts";

/**
 * The chair or the stage operator says which language is spoken on the floor (null: not known).
 * Listeners of that language then hear the floor itself, and that booth is told so.
 */
export async function setFloorLanguage(options: { store: InterpretationStore; actor: { userId: string; isOrganiser: boolean }; sessionId: string; language: TLanguage | null }): Promise<void> {
  const { store, actor, sessionId, language } = options;
  await store.transaction(async (sql) => {
    const session = await loadSessionRow(sql, sessionId, true);
    const { roles } = await rolesOf(sql, sessionId, actor.userId);
    authorize({ roles, status: session.status, isOrganiser: actor.isOrganiser }, "interpretation.floor-language");
    if (language && !session.languages.includes(language)) throw new AppError("BAD_REQUEST", "That language is not offered in this session.");
    if (session.floorLanguage === language) return;
    await sql(`UPDATE "Session" SET "floorLanguage" = $2 WHERE id = $1::uuid`, [sessionId, language]);
    await bumpSeq(sql, sessionId);
  });
}
