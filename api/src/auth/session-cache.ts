import type { SqlQuery } from "../db/client.ts";
import type { AuthUser } from "../http/request-context.ts";
import { userForToken } from "./auth.service.ts";

export interface SessionCache {
  /** The user behind a session cookie, from memory when looked up in the last few seconds. */
  lookup(token: string | undefined): Promise<AuthUser | undefined>;
  /** Drops a cookie at once (logout), so this process stops accepting it immediately. */
  forget(token: string | undefined): void;
}

/**
 * A short-lived in-process cache of cookie → user. Every REST request resolves its cookie, and the
 * database round trip for it halves throughput (bench/token-issuance.ts); a few seconds of memory
 * removes it for busy clients. Logout is immediate on the replica that served it and reaches other
 * replicas within `ttlMs`. Only positive answers are cached, so a new login is never refused.
 */
export function createSessionCache(sql: SqlQuery, options: { ttlMs: number; maxEntries?: number }): SessionCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { user: AuthUser; until: number }>();
  return {
    async lookup(token) {
      if (!token) return undefined;
      const now = Date.now();
      const hit = entries.get(token);
      if (hit && hit.until > now) return hit.user;
      entries.delete(token);
      const user = await userForToken(sql, token);
      if (user) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(token, { user, until: now + options.ttlMs });
      }
      return user;
    },
    forget(token) {
      if (token) entries.delete(token);
    },
  };
}
