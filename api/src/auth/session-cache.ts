import { LRUCache } from "lru-cache";
import type { SqlQuery } from "../db/client.ts";
import { lruSettings, type CacheOptions } from "../lib/cache-options.ts";
import type { AuthUser } from "../http/request-context.ts";
import { findUserByToken } from "./find-user-by-token.ts";

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
export function createSessionCache(sql: SqlQuery, options: CacheOptions): SessionCache {
  // lru-cache reads a ttl of 0 as "never expires"; here it means "do not cache".
  const entries = options.ttlMs > 0 ? new LRUCache<string, AuthUser>(lruSettings(options, 10_000)) : undefined;
  return {
    async lookup(token) {
      if (!token) return undefined;
      const hit = entries?.get(token);
      if (hit) return hit;
      const user = await findUserByToken({ sql, token });
      if (user) entries?.set(token, user);
      return user;
    },
    forget(token) {
      if (token) entries?.delete(token);
    },
  };
}
