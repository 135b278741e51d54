import { listenPath, type TListenLink, type TListenLinkCreated } from "@plenary/shared";
import { authorize } from "../access/policy.ts";
import type { SqlQuery, SqlTransaction } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";
import { hashToken, newToken } from "../lib/crypto.ts";
import { isoTime, NOW_UTC } from "../qa/qa.repository.ts";

/** Plain SQL, like the other live features: a guest's link is checked on every guest request. */
export interface ListenStore {
  sql: SqlQuery;
  transaction: SqlTransaction;
}

export interface ListenActor {
  userId: string;
  isOrganiser: boolean;
}

const HOUR_MS = 3600_000;

/**
 * A link lives for the hours asked for, or else until three hours after the session is scheduled
 * to end (sessions overrun, and people listen to the end); always at least one hour and at most a
 * day from now, so a link that leaks soon stops working.
 */
export function listenLinkExpiry(sessionEndsAt: Date, now: Date, validForHours?: number): Date {
  const wanted = validForHours ? now.getTime() + validForHours * HOUR_MS : sessionEndsAt.getTime() + 3 * HOUR_MS;
  return new Date(Math.min(Math.max(wanted, now.getTime() + HOUR_MS), now.getTime() + 24 * HOUR_MS));
}

const LINK_COLUMNS = `l.id, l."sessionId", u."displayName" AS "createdByName", ${isoTime('l."createdAt"')} AS "createdAt",
  ${isoTime('l."expiresAt"')} AS "expiresAt", CASE WHEN l."revokedAt" IS NULL THEN NULL ELSE ${isoTime('l."revokedAt"')} END AS "revokedAt"`;

/** Throws unless the actor may manage the session's listen links; returns when the session ends. */
async function authorizeManager(sql: SqlQuery, actor: ListenActor, sessionId: string): Promise<Date> {
  const [[session], roles] = await Promise.all([
    sql<{ status: SessionStatus; endsAt: string }>(`SELECT status::text AS status, ${isoTime('"endsAt"')} AS "endsAt" FROM "Session" WHERE id = $1::uuid`, [sessionId]),
    sql<{ role: StaffRole }>(`SELECT role::text AS role FROM "SessionRole" WHERE "sessionId" = $1::uuid AND "userId" = $2::uuid`, [sessionId, actor.userId]),
  ]);
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  authorize({ roles: roles.map((r) => r.role), status: session.status, isOrganiser: actor.isOrganiser }, "listen.manage-links");
  return new Date(session.endsAt);
}

/** The chair creates a guest link to the session's listen-only page; the token is returned once. */
export async function createListenLink(options: { store: ListenStore; actor: ListenActor; sessionId: string; validForHours?: number; now?: Date }): Promise<TListenLinkCreated> {
  const { store, actor, sessionId } = options;
  const endsAt = await authorizeManager(store.sql, actor, sessionId);
  const token = newToken();
  const expiresAt = listenLinkExpiry(endsAt, options.now ?? new Date(), options.validForHours);
  const [created] = await store.sql<{ id: string }>(
    `INSERT INTO "ListenLink" (id, "tokenHash", "sessionId", "createdById", "expiresAt", "createdAt")
     VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, $4::timestamptz AT TIME ZONE 'UTC', ${NOW_UTC}) RETURNING id`,
    [hashToken(token), sessionId, actor.userId, expiresAt.toISOString()],
  );
  const link = await readLink(store.sql, sessionId, created!.id);
  return { ...link, token, path: listenPath(sessionId, token) };
}

async function readLink(sql: SqlQuery, sessionId: string, linkId: string): Promise<TListenLink> {
  const [link] = await sql<TListenLink>(
    `SELECT ${LINK_COLUMNS} FROM "ListenLink" l JOIN "User" u ON u.id = l."createdById" WHERE l.id = $1::uuid AND l."sessionId" = $2::uuid`,
    [linkId, sessionId],
  );
  if (!link) throw new AppError("NOT_FOUND", "No such listen link in this session.");
  return link;
}

/** The session's links, newest first, revoked and expired ones included (they explain themselves). */
export async function listListenLinks(options: { store: ListenStore; actor: ListenActor; sessionId: string }): Promise<TListenLink[]> {
  const { store, actor, sessionId } = options;
  await authorizeManager(store.sql, actor, sessionId);
  return store.sql<TListenLink>(
    `SELECT ${LINK_COLUMNS} FROM "ListenLink" l JOIN "User" u ON u.id = l."createdById" WHERE l."sessionId" = $1::uuid ORDER BY l."createdAt" DESC, l.id`,
    [sessionId],
  );
}

/** Revokes a link for good (revoking twice is fine). The caller cuts off the guests it let in. */
export async function revokeListenLink(options: { store: ListenStore; actor: ListenActor; sessionId: string; linkId: string }): Promise<TListenLink> {
  const { store, actor, sessionId, linkId } = options;
  await authorizeManager(store.sql, actor, sessionId);
  await store.sql(`UPDATE "ListenLink" SET "revokedAt" = ${NOW_UTC} WHERE id = $1::uuid AND "sessionId" = $2::uuid AND "revokedAt" IS NULL`, [linkId, sessionId]);
  return readLink(store.sql, sessionId, linkId);
}

/** A guest link that is still good, with the status of its session for the access policy. */
export interface ValidLink {
  id: string;
  sessionId: string;
  expiresAt: string;
  status: SessionStatus;
}

const INVALID = "This listen link is invalid, has expired or was revoked.";

/** Resolves a guest token to its link, refusing an unknown, expired or revoked one at once. */
export async function verifyListenToken(sql: SqlQuery, token: string): Promise<ValidLink> {
  return validLink(sql, `l."tokenHash" = $1`, hashToken(token));
}

/** Checks again that a link already in use is still good (it may have been revoked or expired since). */
export const recheckListenLink = (sql: SqlQuery, linkId: string): Promise<ValidLink> => validLink(sql, `l.id = $1::uuid`, linkId);

async function validLink(sql: SqlQuery, where: string, value: string): Promise<ValidLink> {
  const [link] = await sql<ValidLink>(
    `SELECT l.id, l."sessionId", ${isoTime('l."expiresAt"')} AS "expiresAt", s.status::text AS status
       FROM "ListenLink" l JOIN "Session" s ON s.id = l."sessionId"
      WHERE ${where} AND l."revokedAt" IS NULL AND l."expiresAt" > ${NOW_UTC}`,
    [value],
  );
  if (!link) throw new AppError("UNAUTHENTICATED", INVALID);
  return link;
}
