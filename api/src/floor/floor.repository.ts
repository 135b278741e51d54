import type { TFloorEndReason, TFloorList, TFloorState, TFloorStatus, TLanguage, TMyFloor } from "@plenary/shared";
import type { SqlQuery, SqlTransaction } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";
import { isoTime, NOW_UTC } from "../qa/qa.repository.ts";

/** Plain SQL, like Q&A and interpretation: floor changes are few but latency-bound (grant to audible). */
export interface FloorStore {
  sql: SqlQuery;
  transaction: SqlTransaction;
}

export interface FloorSessionRow {
  status: SessionStatus;
  languages: string[];
  floorLanguage: TLanguage | null;
  floorLanguageBefore: TLanguage | null;
  speakingTimeSeconds: number;
  autoRevoke: boolean;
  allowCamera: boolean;
  seq: number;
  now: string;
}

/** Reads the session's floor settings; `lock` serialises every floor change of the session. */
export async function loadFloorSession(sql: SqlQuery, sessionId: string, lock = false): Promise<FloorSessionRow> {
  const [row] = await sql<FloorSessionRow>(
    `SELECT status::text AS status, languages, "floorLanguage", "floorLanguageBefore", "speakingTimeSeconds",
            "floorAutoRevoke" AS "autoRevoke", "floorAllowCamera" AS "allowCamera", "floorSeq" AS seq, ${isoTime(NOW_UTC)} AS now
       FROM "Session" WHERE id = $1::uuid${lock ? " FOR UPDATE" : ""}`,
    [sessionId],
  );
  if (!row) throw new AppError("NOT_FOUND", "Session not found.");
  return row;
}

export interface FloorRequestRow {
  id: string;
  userId: string;
  displayName: string;
  organisation: string;
  language: TLanguage;
  topic: string | null;
  status: TFloorStatus;
  addedByChair: boolean;
  declineReason: string | null;
  endReason: TFloorEndReason | null;
  grantedAt: string | null;
  endsAt: string | null;
  muted: boolean;
  disconnectedAt: string | null;
  camera: boolean;
  screenShare: boolean;
  createdAt: string;
  staffRole: string | null;
}

const COLUMNS = `f.id, f."userId", u."displayName", u.organisation, f.language, f.topic, f.status::text AS status,
  f."addedByChair", f."declineReason", f."endReason", ${isoTime('f."grantedAt"')} AS "grantedAt", ${isoTime('f."endsAt"')} AS "endsAt",
  f.muted, ${isoTime('f."disconnectedAt"')} AS "disconnectedAt", f.camera, f."screenShare", ${isoTime('f."createdAt"')} AS "createdAt",
  (SELECT r.role::text FROM "SessionRole" r WHERE r."sessionId" = f."sessionId" AND r."userId" = f."userId" ORDER BY r.role LIMIT 1) AS "staffRole"`;

/** The open requests: holders by grant time, then the queue in list order. */
export function loadOpen(sql: SqlQuery, sessionId: string): Promise<FloorRequestRow[]> {
  return sql<FloorRequestRow>(
    `SELECT ${COLUMNS} FROM "FloorRequest" f JOIN "User" u ON u.id = f."userId"
      WHERE f."sessionId" = $1::uuid AND f.status IN ('GRANTED', 'QUEUED')
      ORDER BY f.status = 'QUEUED', f."grantedAt", f.position, f."createdAt"`,
    [sessionId],
  );
}

export async function loadRequest(sql: SqlQuery, sessionId: string, requestId: string): Promise<FloorRequestRow> {
  const [row] = await sql<FloorRequestRow>(
    `SELECT ${COLUMNS} FROM "FloorRequest" f JOIN "User" u ON u.id = f."userId" WHERE f.id = $1::uuid AND f."sessionId" = $2::uuid`,
    [requestId, sessionId],
  );
  if (!row) throw new AppError("NOT_FOUND", "That request is not in this session's speakers' list.");
  return row;
}

/** A person's latest request in the session, open or not. */
export async function loadLatest(sql: SqlQuery, sessionId: string, userId: string): Promise<FloorRequestRow | undefined> {
  const [row] = await sql<FloorRequestRow>(
    `SELECT ${COLUMNS} FROM "FloorRequest" f JOIN "User" u ON u.id = f."userId"
      WHERE f."sessionId" = $1::uuid AND f."userId" = $2::uuid ORDER BY f."createdAt" DESC, f.id LIMIT 1`,
    [sessionId, userId],
  );
  return row;
}

export async function bumpFloorSeq(sql: SqlQuery, sessionId: string): Promise<void> {
  await sql(`UPDATE "Session" SET "floorSeq" = "floorSeq" + 1 WHERE id = $1::uuid`, [sessionId]);
}

export const toMine = (sessionId: string, row: FloorRequestRow): TMyFloor => ({
  sessionId,
  requestId: row.id,
  status: row.status,
  language: row.language,
  topic: row.topic,
  declineReason: row.declineReason,
  endReason: row.endReason,
});

export function toState(sessionId: string, session: FloorSessionRow, open: readonly FloorRequestRow[]): TFloorState {
  return {
    sessionId,
    seq: session.seq,
    serverNow: session.now,
    holders: open
      .filter((r) => r.status === "GRANTED")
      .map((r) => ({
        requestId: r.id,
        userId: r.userId,
        displayName: r.displayName,
        language: r.language,
        grantedAt: r.grantedAt!,
        endsAt: r.endsAt!,
        muted: r.muted,
        disconnectedAt: r.disconnectedAt,
        camera: r.camera,
        screenShare: r.screenShare,
      })),
    queue: open.filter((r) => r.status === "QUEUED").map((r) => r.id),
    settings: { speakingTimeSeconds: session.speakingTimeSeconds, autoRevoke: session.autoRevoke, allowCamera: session.allowCamera },
  };
}

export function toList(sessionId: string, session: FloorSessionRow, open: readonly FloorRequestRow[]): TFloorList {
  return {
    ...toState(sessionId, session, open),
    entries: open
      .filter((r) => r.status === "QUEUED")
      .map((r) => ({
        requestId: r.id,
        userId: r.userId,
        displayName: r.displayName,
        organisation: r.organisation || null,
        language: r.language,
        topic: r.topic,
        requestedAt: r.createdAt,
        addedByChair: r.addedByChair,
        staffRole: r.staffRole,
      })),
  };
}
