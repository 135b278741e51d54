import { LRUCache } from "lru-cache";
import type { SqlQuery } from "../db/client.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";
import { lruSettings, type CacheOptions } from "../lib/cache-options.ts";

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

// Keys are `${sessionId}:${userId}`; session ids are UUIDs, so the session is the first 36 characters.
const sessionOf = (key: string) => key.slice(0, 36);

/**
 * Session status and roles per (session, user), kept for a few seconds. A join burst asks the same
 * question thousands of times; the answer changes rarely and every change made through this replica
 * invalidates it at once. Other replicas catch up within `ttlMs`, far inside a token's own lifetime.
 */
export function createAccessCache(sql: SqlQuery, options: CacheOptions): AccessCache {
  const keysBySession = new Map<string, Set<string>>();
  // lru-cache reads a ttl of 0 as "never expires"; here it means "do not cache".
  const entries =
    options.ttlMs > 0
      ? new LRUCache<string, SessionAccess>({
          ...lruSettings(options, 20_000),
          // Keeps the per-session index as small as the cache when entries expire or are evicted.
          dispose: (_access, key, reason) => {
            if (reason === "set") return;
            const keys = keysBySession.get(sessionOf(key));
            keys?.delete(key);
            if (keys?.size === 0) keysBySession.delete(sessionOf(key));
          },
        })
      : undefined;

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
      const hit = entries?.get(key);
      if (hit) return hit;
      const access = await load(sessionId, userId);
      if (entries && access) {
        entries.set(key, access);
        let keys = keysBySession.get(sessionId);
        if (!keys) keysBySession.set(sessionId, (keys = new Set()));
        keys.add(key);
      }
      return access;
    },
    invalidateSession(sessionId) {
      const keys = keysBySession.get(sessionId);
      if (!keys) return;
      for (const key of keys) entries?.delete(key);
      keysBySession.delete(sessionId);
    },
  };
}
