import { describe, expect, test } from "vitest";
import type { SqlQuery } from "../db/client.ts";
import { createAccessCache } from "./access-cache.ts";

const S1 = "11111111-1111-4111-8111-111111111111";
const S2 = "22222222-2222-4222-8222-222222222222";

/** A database with one live session per id it knows, counting queries per session. */
function fakeDatabase(sessions: string[]) {
  const queries = new Map<string, number>();
  const sql = (async (_text: string, params?: unknown[]) => {
    const sessionId = params![0] as string;
    queries.set(sessionId, (queries.get(sessionId) ?? 0) + 1);
    return sessions.includes(sessionId) ? [{ status: "LIVE", role: null, boothLanguage: null }] : [];
  }) as SqlQuery;
  return { sql, queries: (sessionId: string) => queries.get(sessionId) ?? 0 };
}

const clock = () => {
  // lru-cache reads a start time of 0 as "no start", so the clock starts later.
  let now = 1000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe("createAccessCache", () => {
  test("an answer is reused within the TTL, per session and user, and reloaded after it", async () => {
    const db = fakeDatabase([S1]);
    const time = clock();
    const cache = createAccessCache(db.sql, { ttlMs: 5000, clock: time });
    expect(await cache.lookup(S1, "u1")).toEqual({ status: "LIVE", held: [] });
    await cache.lookup(S1, "u1");
    await cache.lookup(S1, "u2");
    expect(db.queries(S1)).toBe(2);
    time.advance(5001);
    await cache.lookup(S1, "u1");
    expect(db.queries(S1)).toBe(3);
  });

  test("invalidating a session forgets its users at once and leaves other sessions cached", async () => {
    const db = fakeDatabase([S1, S2]);
    const cache = createAccessCache(db.sql, { ttlMs: 5000, clock: clock() });
    await Promise.all([cache.lookup(S1, "u1"), cache.lookup(S1, "u2"), cache.lookup(S2, "u1")]);
    cache.invalidateSession(S1);
    await Promise.all([cache.lookup(S1, "u1"), cache.lookup(S1, "u2"), cache.lookup(S2, "u1")]);
    expect(db.queries(S1)).toBe(4);
    expect(db.queries(S2)).toBe(1);
  });

  test("an unknown session is asked about every time (it may be created next)", async () => {
    const db = fakeDatabase([]);
    const cache = createAccessCache(db.sql, { ttlMs: 5000, clock: clock() });
    expect(await cache.lookup(S1, "u1")).toBeUndefined();
    await cache.lookup(S1, "u1");
    expect(db.queries(S1)).toBe(2);
  });

  test("entries evicted for room are also gone from the session index, and invalidation still works", async () => {
    const db = fakeDatabase([S1, S2]);
    const cache = createAccessCache(db.sql, { ttlMs: 5000, maxEntries: 1, clock: clock() });
    await cache.lookup(S1, "u1");
    await cache.lookup(S2, "u1");
    cache.invalidateSession(S1);
    cache.invalidateSession(S2);
    await cache.lookup(S2, "u1");
    expect(db.queries(S2)).toBe(2);
  });
});
