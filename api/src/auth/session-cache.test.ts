import { describe, expect, test } from "vitest";
import type { SqlQuery } from "../db/client.ts";
import type { AuthUser } from "../http/request-context.ts";
import { createSessionCache } from "./session-cache.ts";

const user: AuthUser = { id: "u1", email: "a@example.org", displayName: "A", isOrganiser: false, stakeholderGroup: "CIVIL_SOCIETY" };

/** A database that knows the listed cookies and counts how often it is asked. */
function fakeDatabase(known: Set<string>) {
  let queries = 0;
  // The cookie is looked up by its hash, so the fake answers for any cookie while one is known.
  const sql = (async () => {
    queries++;
    return known.size ? [user] : [];
  }) as SqlQuery;
  return { sql, queries: () => queries };
}

const clock = () => {
  // lru-cache reads a start time of 0 as "no start", so the clock starts later.
  let now = 1000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe("createSessionCache", () => {
  test("a cookie seen within the TTL is answered from memory; after it, from the database", async () => {
    const db = fakeDatabase(new Set(["cookie"]));
    const time = clock();
    const cache = createSessionCache(db.sql, { ttlMs: 5000, clock: time });
    expect(await cache.lookup("cookie")).toEqual(user);
    time.advance(4999);
    expect(await cache.lookup("cookie")).toEqual(user);
    expect(db.queries()).toBe(1);
    time.advance(2);
    await cache.lookup("cookie");
    expect(db.queries()).toBe(2);
  });

  test("forget (logout) takes effect at once", async () => {
    const known = new Set(["cookie"]);
    const db = fakeDatabase(known);
    const cache = createSessionCache(db.sql, { ttlMs: 5000, clock: clock() });
    await cache.lookup("cookie");
    known.clear();
    cache.forget("cookie");
    expect(await cache.lookup("cookie")).toBeUndefined();
  });

  test("unknown cookies are not remembered, so a login that follows is accepted at once", async () => {
    const known = new Set<string>();
    const db = fakeDatabase(known);
    const cache = createSessionCache(db.sql, { ttlMs: 5000, clock: clock() });
    expect(await cache.lookup("cookie")).toBeUndefined();
    known.add("cookie");
    expect(await cache.lookup("cookie")).toEqual(user);
  });

  test("a TTL of 0 turns the cache off; no cookie never reaches the database", async () => {
    const db = fakeDatabase(new Set(["cookie"]));
    const cache = createSessionCache(db.sql, { ttlMs: 0 });
    await cache.lookup("cookie");
    await cache.lookup("cookie");
    await cache.lookup(undefined);
    expect(db.queries()).toBe(2);
  });

  test("beyond maxEntries the least recently used cookie is dropped", async () => {
    const db = fakeDatabase(new Set(["a"]));
    const cache = createSessionCache(db.sql, { ttlMs: 5000, maxEntries: 2, clock: clock() });
    await cache.lookup("a");
    await cache.lookup("b");
    await cache.lookup("a");
    await cache.lookup("c");
    expect(db.queries()).toBe(3);
    await cache.lookup("a");
    expect(db.queries()).toBe(3);
    await cache.lookup("b");
    expect(db.queries()).toBe(4);
  });
});
