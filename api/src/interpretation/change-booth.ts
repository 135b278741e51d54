import type { TChannel, TLanguage } from "@plenary/shared";
import { authorize } from "../access/policy.ts";
import { AppError } from "../errors.ts";
import { NOW_UTC } from "../qa/qa.repository.ts";
import { mayTake, relayCreatesLoop } from "./booth.rules.ts";
import { bumpSeq, ensureBooths, loadInterpreters, loadSessionRow, rolesOf, saveInterpreter, type InterpretationStore } from "./interpretation.repository.ts";

/** A change an interpreter makes to their own booth. */
export type BoothChange =
  | { kind: "take" }
  | { kind: "offer" }
  | { kind: "accept" }
  | { kind: "release" }
  | { kind: "mic"; on: boolean }
  | { kind: "cough"; on: boolean }
  | { kind: "relay"; source: TChannel }
  | { kind: "presence"; on: boolean };

export interface BoothActor {
  userId: string;
  isOrganiser: boolean;
}

/**
 * Applies one booth change for the acting interpreter, in one transaction that locks the booth
 * row: two interpreters taking the channel at the same instant are serialised, and the second
 * sees the first on air. Returns the booth language; throws the refusal otherwise.
 */
export async function changeBooth(options: { store: InterpretationStore; actor: BoothActor; sessionId: string; change: BoothChange }): Promise<{ language: TLanguage }> {
  const { store, actor, sessionId, change } = options;
  return store.transaction(async (sql) => {
    const session = await loadSessionRow(sql, sessionId);
    const { roles, boothLanguage } = await rolesOf(sql, sessionId, actor.userId);
    authorize({ roles, status: session.status, isOrganiser: actor.isOrganiser }, "interpretation.booth");
    const language = boothLanguage;
    if (!language || !session.languages.includes(language)) throw new AppError("FORBIDDEN", "Your booth's language is not offered in this session.");
    await ensureBooths(sql, sessionId, session.languages);
    const [booth] = await sql<{ language: TLanguage; onAirId: string | null; offerToId: string | null }>(
      `SELECT language, "onAirId", "offerToId" FROM "Booth" WHERE "sessionId" = $1::uuid AND language = $2 FOR UPDATE`,
      [sessionId, language],
    );
    const interpreters = await loadInterpreters(sql, sessionId);
    const setBooth = (onAirId: string | null, offerToId: string | null) =>
      sql(`UPDATE "Booth" SET "onAirId" = $3::uuid, "offerToId" = $4::uuid, "updatedAt" = ${NOW_UTC} WHERE "sessionId" = $1::uuid AND language = $2`, [
        sessionId,
        language,
        onAirId,
        offerToId,
      ]);
    const partners = interpreters.filter((i) => i.language === language && i.userId !== actor.userId);

    switch (change.kind) {
      case "take":
        if (!mayTake(booth!, interpreters, actor.userId)) throw new AppError("CONFLICT", "Your partner is on air. Ask them to hand over.");
        // Taking the channel opens the microphone: on air and silent would pause the channel.
        await saveInterpreter(sql, sessionId, actor.userId, language, { micOpen: true, present: true, coughing: false });
        await setBooth(actor.userId, null);
        break;
      case "offer": {
        if (booth!.onAirId !== actor.userId) throw new AppError("CONFLICT", "Only the interpreter on air can offer the channel.");
        const partner = partners.find((p) => p.present) ?? partners[0];
        if (!partner) throw new AppError("CONFLICT", "There is no partner in your booth to hand over to.");
        await setBooth(actor.userId, partner.userId);
        break;
      }
      case "accept":
        if (booth!.offerToId !== actor.userId) throw new AppError("CONFLICT", "No handover is offered to you.");
        await saveInterpreter(sql, sessionId, actor.userId, language, { micOpen: true, present: true, coughing: false });
        await setBooth(actor.userId, null);
        break;
      case "release":
        if (booth!.onAirId !== actor.userId) throw new AppError("CONFLICT", "You are not on air.");
        await saveInterpreter(sql, sessionId, actor.userId, language, { micOpen: false, coughing: false });
        await setBooth(null, null);
        break;
      case "mic":
        await saveInterpreter(sql, sessionId, actor.userId, language, { micOpen: change.on });
        break;
      case "cough":
        await saveInterpreter(sql, sessionId, actor.userId, language, { coughing: change.on });
        break;
      case "relay":
        if (change.source !== "floor" && !session.languages.includes(change.source)) throw new AppError("BAD_REQUEST", "That channel is not offered in this session.");
        if (relayCreatesLoop(interpreters, language, change.source, actor.userId)) {
          throw new AppError("CONFLICT", "That relay would loop back to your own booth.");
        }
        await saveInterpreter(sql, sessionId, actor.userId, language, { relay: change.source });
        break;
      case "presence":
        await saveInterpreter(sql, sessionId, actor.userId, language, { present: change.on, ...(change.on ? {} : { micOpen: false, coughing: false }) });
        // A handover offered to someone who left cannot be accepted any more.
        if (!change.on && booth!.offerToId === actor.userId) await setBooth(booth!.onAirId, null);
        break;
    }
    await bumpSeq(sql, sessionId);
    return { language };
  });
}
