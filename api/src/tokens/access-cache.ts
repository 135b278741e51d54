import type { SqlQuery } from "../db/client.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";

/** What token issuance needs to know about a user in a session. */
export interface SessionAccess {
  status: SessionStatus;
  held: { role: StaffRole; boothLanguage: string | null }[];
}

export interface AccessCache {
  /** The session's status and the roles the user holds in it; undefined when the session does not exist. */
  lookup(sessionId: string, userId: string): Promise<SessionAccess | undefined>;
  /** Forgets a session's entries at once, after its status or its staff changed on this replica. */
  invalidateSession(sessionId: string): void;
}

/**
 * Session status and roles per (session, user), kept for a few seconds. A join burst asks the same
 * question thousands of times; the answer changes rarely and every change made through this replica
 * invalidates it at once. Other replicas catch up within `ttlMs`, far inside a token's own lifetime.
 */
export function createAccessCache(sql: SqlQuery, options: { ttlMs: number; maxEntries?: number }): AccessCache {
  const maxEntries = options.maxEntries ?? 20_000;
  const entries = new Map<string, { access: SessionAccess | undefined; until: number }>();
  const keysBySession = new Map<string, Set<string>>();

  async function load(sessionId: string, userId: string): Promise<SessionAccess | undefined> {
    const rows = await sql<{ status: SessionStatus; role: StaffRole | null; boothLanguage: string | null }>(
      `SELECT s.status, r.role, r."boothLanguage"
         FROM "Session" s LEFT JOIN "SessionRole" r ON r."sessionId" = s.id AND r."userId" = $2::uuid
        WHERE s.id = $1::uuid`,
      [sessionId, userId],
    );
    if (!rows[0]) return undefined;
    return { status: rows[0].status, held: rows.flatMap((r) => (r.role ? [{ role: r.role, boothLanguage: r.boothLanguage }] : [])) };
  }

  return {
    async lookup(sessionId, userId) {
      const key = `${sessionId}:${userId}`;
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.access;
      const access = await load(sessionId, userId);
      if (options.ttlMs > 0 && access) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next().value!;
          entries.delete(oldest);
          keysBySession.get(oldest.slice(0, 36))?.delete(oldest);
        }
        entries.set(key, { access, until: now + options.ttlMs });
        let keys = keysBySession.get(sessionId);
        if (!keys) keysBySession.set(sessionId, (keys = new Set()));
        keys.add(key);
      }
      return access;
    },
    invalidateSession(sessionId) {
      for (const key of keysBySession.get(sessionId) ?? []) entries.delete(key);
      keysBySession.delete(sessionId);
    },
  };
}
