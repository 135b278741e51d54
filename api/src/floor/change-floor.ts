import type { TFloorEndReason, TFloorSettings, TLanguage } from "@plenary/shared";
import { authorize, type Action } from "../access/policy.ts";
import type { SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { rolesOf } from "../interpretation/interpretation.repository.ts";
import { NOW_UTC } from "../qa/qa.repository.ts";
import { floorLanguageAfter, floorSourcesFor, moveTo } from "./floor.rules.ts";
import { bumpFloorSeq, loadFloorSession, loadLatest, loadOpen, loadRequest, type FloorRequestRow, type FloorSessionRow, type FloorStore } from "./floor.repository.ts";

/** Everything that changes the speakers' list or who holds the floor. */
export type FloorChange =
  | { kind: "request"; language: TLanguage; topic?: string }
  | { kind: "withdraw" }
  | { kind: "take"; language: TLanguage }
  | { kind: "yield" }
  | { kind: "grant"; requestId: string }
  | { kind: "revoke"; requestId: string }
  | { kind: "decline"; requestId: string; reason?: string }
  | { kind: "reorder"; requestId: string; index: number }
  | { kind: "add"; email: string; language: TLanguage; topic?: string }
  | { kind: "extend"; requestId: string; seconds: number }
  | { kind: "mute"; requestId: string; muted: boolean }
  | { kind: "settings"; settings: Partial<TFloorSettings> };

/** What the server does by itself: end grants (timer, drop-out, session end, removal, logout) and track presence. */
export type SystemFloorChange = { kind: "end"; requestIds: string[]; reason: TFloorEndReason } | { kind: "presence"; requestId: string; connected: boolean };

/** What LiveKit must apply once the change is committed. */
export type FloorMediaOp = { op: "allow"; userId: string; camera: boolean; screenShare: boolean } | { op: "limit"; userId: string } | { op: "mute"; userId: string };

export interface FloorOutcome {
  /** The request the change was about (the caller's own, for participants). */
  requestId: string | null;
  /** People whose own request changed: they are told privately. */
  notify: string[];
  media: FloorMediaOp[];
  floorLanguageChanged: boolean;
}

export interface FloorActor {
  userId: string;
  isOrganiser: boolean;
}

const CHAIR_KINDS = new Set(["grant", "revoke", "decline", "reorder", "add", "extend", "mute", "settings"]);

/**
 * Applies one change in a transaction that locks the session row, so racing requests (two grants,
 * a grant and a withdrawal) are serialised and end in one consistent state; the open-request index
 * backs that up. The policy is asked inside the transaction, against the state it changes.
 */
export async function changeFloor(options: { store: FloorStore; actor: FloorActor | "system"; sessionId: string; change: FloorChange | SystemFloorChange }): Promise<FloorOutcome> {
  const { store, actor, sessionId, change } = options;
  return store.transaction(async (sql) => {
    const session = await loadFloorSession(sql, sessionId, true);
    const out: FloorOutcome = { requestId: null, notify: [], media: [], floorLanguageChanged: false };
    const ctx = { sql, sessionId, session, out };
    if (actor === "system") {
      if (change.kind === "end") for (const id of change.requestIds) await endGrantOrRequest(ctx, await loadRequest(sql, sessionId, id), change.reason);
      else if (change.kind === "presence") await setPresence(ctx, change.requestId, change.connected);
    } else {
      const { roles } = await rolesOf(sql, sessionId, actor.userId);
      const may = (action: Action) => authorize({ roles, status: session.status, isOrganiser: actor.isOrganiser }, action);
      if (CHAIR_KINDS.has(change.kind)) may("floor.chair");
      await participantOrChair(ctx, actor, roles, may, change as FloorChange);
    }
    if (out.notify.length > 0 || out.media.length > 0 || change.kind === "reorder" || change.kind === "settings") await bumpFloorSeq(sql, sessionId);
    return out;
  });
}

interface Ctx {
  sql: SqlQuery;
  sessionId: string;
  session: FloorSessionRow;
  out: FloorOutcome;
}

async function participantOrChair(ctx: Ctx, actor: FloorActor, roles: Parameters<typeof floorSourcesFor>[0], may: (a: Action) => void, change: FloorChange): Promise<void> {
  const { sql, sessionId, session, out } = ctx;
  const offered = (language: TLanguage) => {
    if (!session.languages.includes(language)) throw new AppError("BAD_REQUEST", "That language is not offered in this session.");
  };
  switch (change.kind) {
    case "request": {
      may("floor.request");
      offered(change.language);
      const open = (await loadOpen(sql, sessionId)).find((r) => r.userId === actor.userId);
      // Asking twice is not an error: the person keeps their place.
      if (open) return void (out.requestId = open.id);
      out.requestId = await insertRequest(sql, sessionId, actor.userId, change.language, change.topic ?? null, false);
      out.notify.push(actor.userId);
      return;
    }
    case "take": {
      may("floor.take");
      offered(change.language);
      const latest = await loadLatest(sql, sessionId, actor.userId);
      if (latest?.status === "GRANTED") return void (out.requestId = latest.id);
      // The chair's decision stands: a speaker whose floor was taken back asks for it again.
      if (latest?.status === "ENDED" && latest.endReason === "revoked") throw new AppError("FORBIDDEN", "The chair has taken the floor back. Ask for the floor to speak again.");
      const id = latest?.status === "QUEUED" ? latest.id : await insertRequest(sql, sessionId, actor.userId, change.language, null, false);
      if (latest?.status === "QUEUED") await sql(`UPDATE "FloorRequest" SET language = $2 WHERE id = $1::uuid`, [id, change.language]);
      out.requestId = id;
      return grant(ctx, await loadRequest(sql, sessionId, id), roles, actor.isOrganiser);
    }
    case "withdraw":
    case "yield": {
      const latest = await loadLatest(sql, sessionId, actor.userId);
      if (!latest || (latest.status !== "QUEUED" && latest.status !== "GRANTED")) throw new AppError("NOT_FOUND", "You have not asked for the floor.");
      out.requestId = latest.id;
      return endGrantOrRequest(ctx, latest, "yielded");
    }
    case "grant": {
      const row = await loadRequest(sql, sessionId, change.requestId);
      out.requestId = row.id;
      if (row.status === "GRANTED") return;
      if (row.status !== "QUEUED") throw new AppError("CONFLICT", "That request is no longer in the speakers' list.");
      if (session.status !== "LIVE") throw new AppError("SESSION_NOT_OPEN", "The floor can be given only while the session is live.");
      const theirs = await rolesOf(sql, sessionId, row.userId);
      const [who] = await sql<{ isOrganiser: boolean }>(`SELECT "isOrganiser" FROM "User" WHERE id = $1::uuid`, [row.userId]);
      return grant(ctx, row, theirs.roles, Boolean(who?.isOrganiser));
    }
    case "revoke": {
      const row = await loadRequest(sql, sessionId, change.requestId);
      out.requestId = row.id;
      if (row.status !== "GRANTED") throw new AppError("CONFLICT", "That person does not hold the floor.");
      return endGrantOrRequest(ctx, row, "revoked");
    }
    case "decline": {
      const row = await loadRequest(sql, sessionId, change.requestId);
      out.requestId = row.id;
      if (row.status !== "QUEUED") throw new AppError("CONFLICT", "That request is no longer waiting.");
      await sql(`UPDATE "FloorRequest" SET status = 'DECLINED', "declineReason" = $2, "endedAt" = ${NOW_UTC} WHERE id = $1::uuid`, [row.id, change.reason || null]);
      out.notify.push(row.userId);
      return;
    }
    case "reorder": {
      const queue = (await loadOpen(sql, sessionId)).filter((r) => r.status === "QUEUED").map((r) => r.id);
      if (!queue.includes(change.requestId)) throw new AppError("CONFLICT", "That request is no longer waiting.");
      out.requestId = change.requestId;
      await sql(`UPDATE "FloorRequest" f SET position = o.n FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE f.id = o.id`, [moveTo(queue, change.requestId, change.index)]);
      return;
    }
    case "add": {
      offered(change.language);
      const [user] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE lower(email) = lower($1)`, [change.email]);
      if (!user) throw new AppError("NOT_FOUND", "No account uses that email address.");
      if ((await loadOpen(sql, sessionId)).some((r) => r.userId === user.id)) throw new AppError("CONFLICT", "That person is already in the speakers' list.");
      out.requestId = await insertRequest(sql, sessionId, user.id, change.language, change.topic ?? null, true);
      out.notify.push(user.id);
      return;
    }
    case "extend": {
      const row = await loadRequest(sql, sessionId, change.requestId);
      if (row.status !== "GRANTED") throw new AppError("CONFLICT", "That person does not hold the floor.");
      out.requestId = row.id;
      await sql(`UPDATE "FloorRequest" SET "endsAt" = "endsAt" + make_interval(secs => $2::double precision) WHERE id = $1::uuid`, [row.id, change.seconds]);
      out.notify.push(row.userId);
      return;
    }
    case "mute": {
      const row = await loadRequest(sql, sessionId, change.requestId);
      if (row.status !== "GRANTED") throw new AppError("CONFLICT", "That person does not hold the floor.");
      out.requestId = row.id;
      await sql(`UPDATE "FloorRequest" SET muted = $2 WHERE id = $1::uuid`, [row.id, change.muted]);
      if (change.muted) out.media.push({ op: "mute", userId: row.userId });
      out.notify.push(row.userId);
      return;
    }
    case "settings": {
      const s = change.settings;
      await sql(
        `UPDATE "Session" SET "speakingTimeSeconds" = COALESCE($2, "speakingTimeSeconds"), "floorAutoRevoke" = COALESCE($3, "floorAutoRevoke"),
                "floorAllowCamera" = COALESCE($4, "floorAllowCamera") WHERE id = $1::uuid`,
        [sessionId, s.speakingTimeSeconds ?? null, s.autoRevoke ?? null, s.allowCamera ?? null],
      );
      return;
    }
  }
}

async function insertRequest(sql: SqlQuery, sessionId: string, userId: string, language: TLanguage, topic: string | null, addedByChair: boolean): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "FloorRequest" (id, "sessionId", "userId", language, topic, "addedByChair", position, "createdAt")
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM "FloorRequest" WHERE "sessionId" = $1::uuid AND status = 'QUEUED'), ${NOW_UTC})
     RETURNING id`,
    [sessionId, userId, language, topic, addedByChair],
  );
  return row!.id;
}

/** Gives the floor: the timer starts, the floor language follows the speaker, LiveKit lets them publish. */
async function grant(ctx: Ctx, row: FloorRequestRow, roles: Parameters<typeof floorSourcesFor>[0], isOrganiser: boolean): Promise<void> {
  const { sql, sessionId, session, out } = ctx;
  const sources = floorSourcesFor(roles, isOrganiser, session.allowCamera);
  const holders = (await loadOpen(sql, sessionId)).filter((r) => r.status === "GRANTED");
  if (holders.length === 0) await sql(`UPDATE "Session" SET "floorLanguageBefore" = "floorLanguage" WHERE id = $1::uuid`, [sessionId]);
  await sql(
    `UPDATE "FloorRequest" SET status = 'GRANTED', "grantedAt" = ${NOW_UTC}, "endsAt" = ${NOW_UTC} + make_interval(secs => $2::double precision),
            muted = false, "disconnectedAt" = NULL, camera = $3, "screenShare" = $4 WHERE id = $1::uuid`,
    [row.id, session.speakingTimeSeconds, sources.camera, sources.screenShare],
  );
  await setFloorLanguage(ctx, row.language);
  out.notify.push(row.userId);
  out.media.push({ op: "allow", userId: row.userId, ...sources });
}

/** Ends a grant (or a queued request): LiveKit takes the sources back and the floor language follows who remains. */
async function endGrantOrRequest(ctx: Ctx, row: FloorRequestRow, reason: TFloorEndReason): Promise<void> {
  const { sql, sessionId, session, out } = ctx;
  if (row.status === "QUEUED") {
    await sql(`UPDATE "FloorRequest" SET status = 'WITHDRAWN', "endReason" = $2, "endedAt" = ${NOW_UTC} WHERE id = $1::uuid`, [row.id, reason]);
    out.notify.push(row.userId);
    return;
  }
  if (row.status !== "GRANTED") return;
  await sql(`UPDATE "FloorRequest" SET status = 'ENDED', "endReason" = $2, "endedAt" = ${NOW_UTC} WHERE id = $1::uuid`, [row.id, reason]);
  const remaining = (await loadOpen(sql, sessionId)).filter((r) => r.status === "GRANTED");
  await setFloorLanguage(ctx, floorLanguageAfter(remaining, session.floorLanguageBefore));
  if (remaining.length === 0) await sql(`UPDATE "Session" SET "floorLanguageBefore" = NULL WHERE id = $1::uuid`, [sessionId]);
  out.notify.push(row.userId);
  out.media.push({ op: "limit", userId: row.userId });
}

async function setFloorLanguage(ctx: Ctx, language: TLanguage | null): Promise<void> {
  const current = (await ctx.sql<{ floorLanguage: string | null }>(`SELECT "floorLanguage" FROM "Session" WHERE id = $1::uuid`, [ctx.sessionId]))[0]?.floorLanguage ?? null;
  if (current === language) return;
  await ctx.sql(`UPDATE "Session" SET "floorLanguage" = $2, "interpretationSeq" = "interpretationSeq" + 1 WHERE id = $1::uuid`, [ctx.sessionId, language]);
  ctx.out.floorLanguageChanged = true;
}

async function setPresence(ctx: Ctx, requestId: string, connected: boolean): Promise<void> {
  const row = await loadRequest(ctx.sql, ctx.sessionId, requestId);
  if (row.status !== "GRANTED" || connected === (row.disconnectedAt === null)) return;
  await ctx.sql(`UPDATE "FloorRequest" SET "disconnectedAt" = ${connected ? "NULL" : NOW_UTC} WHERE id = $1::uuid`, [requestId]);
  ctx.out.notify.push(row.userId);
}
