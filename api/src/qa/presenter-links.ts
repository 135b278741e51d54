import type { TPresenterLinkResponse, TPresenterLinksRevoked, TPresenterVerifyResponse } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { hashToken, newToken } from "../lib/crypto.ts";
import { requireAction, type QaActor } from "./qa.access.ts";
import { isoTime, NOW_UTC, type QaStore } from "./qa.repository.ts";

const HOUR_MS = 3600_000;

/**
 * A link lives until two hours after the session is scheduled to end (overruns are common),
 * at least one hour and at most a day from now: long enough for the venue screen, short
 * enough that a leaked link soon stops working.
 */
export function presenterLinkExpiry(sessionEndsAt: Date, now: Date): Date {
  const wanted = sessionEndsAt.getTime() + 2 * HOUR_MS;
  return new Date(Math.min(Math.max(wanted, now.getTime() + HOUR_MS), now.getTime() + 24 * HOUR_MS));
}

/** A moderator issues a read-only link for the venue screen of their session. */
export async function issuePresenterLink(options: { store: QaStore; actor: QaActor; sessionId: string; now?: Date }): Promise<TPresenterLinkResponse> {
  const { store, actor, sessionId } = options;
  await requireAction(store.sql, actor, sessionId, "qa.moderate");
  const [session] = await store.sql<{ endsAt: string }>(`SELECT ${isoTime('"endsAt"')} AS "endsAt" FROM "Session" WHERE id = $1::uuid`, [sessionId]);
  const token = newToken();
  const expiresAt = presenterLinkExpiry(new Date(session!.endsAt), options.now ?? new Date());
  await store.sql(
    `INSERT INTO "PresenterLink" (id, "tokenHash", "sessionId", "createdById", "expiresAt", "createdAt") VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, $4::timestamptz AT TIME ZONE 'UTC', ${NOW_UTC})`,
    [hashToken(token), sessionId, actor.userId, expiresAt.toISOString()],
  );
  return { token, path: `/sessions/${sessionId}/presenter#token=${token}`, expiresAt: expiresAt.toISOString() };
}

/**
 * A moderator withdraws every venue-screen link of their session, e.g. when one has leaked. The
 * links are deleted (nothing lists them), so verifying them fails from now on; the caller closes
 * the screens already open with them.
 */
export async function revokePresenterLinks(options: { store: QaStore; actor: QaActor; sessionId: string }): Promise<TPresenterLinksRevoked> {
  const { store, actor, sessionId } = options;
  await requireAction(store.sql, actor, sessionId, "qa.moderate");
  const deleted = await store.sql<{ id: string }>(`DELETE FROM "PresenterLink" WHERE "sessionId" = $1::uuid RETURNING id`, [sessionId]);
  return { revoked: deleted.length };
}

/** Resolves a presenter token to its session, or NOT_FOUND when unknown or expired. */
export async function verifyPresenterToken(sql: SqlQuery, token: string): Promise<TPresenterVerifyResponse> {
  const [link] = await sql<TPresenterVerifyResponse>(
    `SELECT l."sessionId", s.title, ${isoTime('l."expiresAt"')} AS "expiresAt"
       FROM "PresenterLink" l JOIN "Session" s ON s.id = l."sessionId"
      WHERE l."tokenHash" = $1 AND l."expiresAt" > (now() AT TIME ZONE 'UTC')`,
    [hashToken(token)],
  );
  if (!link) throw new AppError("NOT_FOUND", "This presenter link is invalid or has expired.");
  return link;
}
