import { boothLanguages, type TBoothsState, type TInterpretationState, type TLanguage } from "@plenary/shared";
import type { SqlQuery, SqlTransaction } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";
import { NOW_UTC } from "../qa/qa.repository.ts";
import { channelStates, type BoothRow, type InterpreterRow } from "./booth.rules.ts";

/** Plain SQL, like Q&A: booth changes and channel selections are frequent and latency-bound. */
export interface InterpretationStore {
  sql: SqlQuery;
  transaction: SqlTransaction;
}

export interface SessionInterpretationRow {
  status: SessionStatus;
  languages: TLanguage[];
  floorLanguage: TLanguage | null;
  seq: number;
}

/** Everything about a session's interpretation, read in one consistent pass. */
export interface InterpretationSnapshot {
  session: SessionInterpretationRow;
  booths: BoothRow[];
  interpreters: InterpreterRow[];
}

export async function loadSessionRow(sql: SqlQuery, sessionId: string, lock = false): Promise<SessionInterpretationRow> {
  const [row] = await sql<{ status: SessionStatus; languages: string[]; floorLanguage: TLanguage | null; seq: number }>(
    `SELECT status::text AS status, languages, "floorLanguage", "interpretationSeq" AS seq FROM "Session" WHERE id = $1::uuid${lock ? " FOR UPDATE" : ""}`,
    [sessionId],
  );
  if (!row) throw new AppError("NOT_FOUND", "Session not found.");
  return { ...row, languages: boothLanguages(row.languages) };
}

/** Booth rows are made on first use, one per offered language. */
export async function ensureBooths(sql: SqlQuery, sessionId: string, languages: readonly TLanguage[]): Promise<void> {
  if (languages.length === 0) return;
  await sql(
    `INSERT INTO "Booth" ("sessionId", language, "updatedAt") SELECT $1::uuid, l, ${NOW_UTC} FROM unnest($2::text[]) AS l ON CONFLICT DO NOTHING`,
    [sessionId, languages],
  );
}

/** The session's interpreters (by their role), with their console state when they have one. */
export function loadInterpreters(sql: SqlQuery, sessionId: string): Promise<InterpreterRow[]> {
  return sql<InterpreterRow>(
    `SELECT r."userId", u."displayName", r."boothLanguage" AS language,
            COALESCE(i.relay, 'floor') AS relay, COALESCE(i."micOpen", false) AS "micOpen",
            COALESCE(i.coughing, false) AS coughing, COALESCE(i.present, false) AS present
       FROM "SessionRole" r JOIN "User" u ON u.id = r."userId"
       LEFT JOIN "InterpreterState" i ON i."sessionId" = r."sessionId" AND i."userId" = r."userId"
      WHERE r."sessionId" = $1::uuid AND r.role = 'INTERPRETER' AND r."boothLanguage" IS NOT NULL
      ORDER BY u."displayName", r."userId"`,
    [sessionId],
  );
}

export async function loadSnapshot(sql: SqlQuery, sessionId: string): Promise<InterpretationSnapshot> {
  // No booth rows are written here: reads (every channel selection) stay reads. A language whose
  // booth row does not exist yet simply has nobody on air; changeBooth makes rows on first use.
  const session = await loadSessionRow(sql, sessionId);
  const [booths, interpreters] = await Promise.all([
    sql<BoothRow>(`SELECT language, "onAirId", "offerToId" FROM "Booth" WHERE "sessionId" = $1::uuid`, [sessionId]),
    loadInterpreters(sql, sessionId),
  ]);
  return { session, booths, interpreters };
}

/** The roles a user holds in the session, for the access policy. */
export async function rolesOf(sql: SqlQuery, sessionId: string, userId: string): Promise<{ roles: StaffRole[]; boothLanguage: TLanguage | null }> {
  const rows = await sql<{ role: StaffRole; boothLanguage: TLanguage | null }>(
    `SELECT role::text AS role, "boothLanguage" FROM "SessionRole" WHERE "sessionId" = $1::uuid AND "userId" = $2::uuid`,
    [sessionId, userId],
  );
  return { roles: rows.map((r) => r.role), boothLanguage: rows.find((r) => r.role === "INTERPRETER")?.boothLanguage ?? null };
}

export async function bumpSeq(sql: SqlQuery, sessionId: string): Promise<void> {
  await sql(`UPDATE "Session" SET "interpretationSeq" = "interpretationSeq" + 1 WHERE id = $1::uuid`, [sessionId]);
}

export function publicState(sessionId: string, snap: InterpretationSnapshot): TInterpretationState {
  return {
    sessionId,
    seq: snap.session.seq,
    floorLanguage: snap.session.floorLanguage,
    channels: channelStates(snap.session.languages, snap.session.floorLanguage, snap.booths, snap.interpreters),
  };
}

/** The staff view: every booth with its interpreters and audience. `listeners` maps channel → count. */
export function boothsState(sessionId: string, snap: InterpretationSnapshot, listeners: ReadonlyMap<string, number>): TBoothsState {
  return {
    ...publicState(sessionId, snap),
    floorListeners: listeners.get("floor") ?? 0,
    booths: snap.session.languages.map((language) => {
      const booth = snap.booths.find((b) => b.language === language);
      return {
        language,
        onAirUserId: booth?.onAirId ?? null,
        offerToUserId: booth?.offerToId ?? null,
        listeners: listeners.get(language) ?? 0,
        interpreters: snap.interpreters
          .filter((i) => i.language === language)
          .map(({ userId, displayName, present, relay, micOpen, coughing }) => ({ userId, displayName, present, relay, micOpen, coughing })),
      };
    }),
  };
}

/** Upserts one interpreter's console state. */
export async function saveInterpreter(sql: SqlQuery, sessionId: string, userId: string, language: TLanguage, patch: Partial<Pick<InterpreterRow, "relay" | "micOpen" | "coughing" | "present">>): Promise<void> {
  await sql(
    `INSERT INTO "InterpreterState" ("sessionId", "userId", language, relay, "micOpen", coughing, present, "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3, COALESCE($4, 'floor'), COALESCE($5, false), COALESCE($6, false), COALESCE($7, false), ${NOW_UTC})
     ON CONFLICT ("sessionId", "userId") DO UPDATE SET
       language = EXCLUDED.language,
       relay = COALESCE($4, "InterpreterState".relay),
       "micOpen" = COALESCE($5, "InterpreterState"."micOpen"),
       coughing = COALESCE($6, "InterpreterState".coughing),
       present = COALESCE($7, "InterpreterState".present),
       "updatedAt" = ${NOW_UTC}`,
    [sessionId, userId, language, patch.relay ?? null, patch.micOpen ?? null, patch.coughing ?? null, patch.present ?? null],
  );
}
