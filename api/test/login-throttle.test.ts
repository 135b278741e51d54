import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACCOUNT_BACKOFF_CAP_SECONDS, createLoginThrottle } from "../src/auth/login-throttle.ts";
import { limiterFactory } from "../src/lib/rate-limit.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { REDIS_URL } from "./helpers/db-urls.ts";
import { TestClient } from "./helpers/http.ts";

// The api behind a proxy on loopback (TRUST_PROXY=loopback): this test plays that proxy, appending
// each client's address to X-Forwarded-For, so that attackers and the owner can be in different places.
const ORGANISER = { email: "chief@forum.test", password: "organiser-password" };
let tdb: TestDatabase;
let api: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  api = await startTestApp({ database: tdb.database, env: { TRUST_PROXY: "loopback", RATE_LIMIT_LOGIN_PER_15_MIN: "3", ORGANISER_EMAIL: ORGANISER.email, ORGANISER_PASSWORD: ORGANISER.password } });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

const login = (client: TestClient, address: string, password: string) =>
  client.request("POST", "/api/auth/login", { email: ORGANISER.email, password }, { "X-Forwarded-For": address });

describe("login throttling cannot be turned against the account's owner", () => {
  test("an attacker at one address is stopped there, and the organiser signs in from another", async () => {
    const attacker = new TestClient(api.baseUrl);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(attacker, "198.51.100.66", "guess")).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await login(new TestClient(api.baseUrl), "203.0.113.7", ORGANISER.password)).status).toBe(200);
  });

  test("an attack from many addresses makes new browsers wait a minute at most, and the organiser's own browser gets in", async () => {
    const browser = new TestClient(api.baseUrl);
    expect((await login(browser, "203.0.113.7", ORGANISER.password)).status).toBe(200);
    expect(browser.otherCookies.get("plenary_device")).toMatch(/^plenary_device=.{40,}/);
    await browser.post("/api/auth/logout");

    // Each address stays under its own budget; together they pass the account's free failures.
    let refused;
    for (let i = 0; !refused && i < 20; i++) {
      const res = await login(new TestClient(api.baseUrl), `10.9.${i}.1`, "guess");
      if (res.status === 429) refused = res.body.error.details.retryAfterSeconds;
      else expect(res.status).toBe(401);
    }
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(ACCOUNT_BACKOFF_CAP_SECONDS);
    const newBrowser = await login(new TestClient(api.baseUrl), "192.0.2.44", ORGANISER.password);
    expect(newBrowser.status).toBe(429);
    expect(newBrowser.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_BACKOFF_CAP_SECONDS);

    const again = await login(browser, "192.0.2.45", ORGANISER.password);
    expect(again.status).toBe(200);
    expect((await browser.get("/api/me")).body.isOrganiser).toBe(true);
  });
});

test("with Redis the budgets and known devices are shared by every replica", async () => {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    const [one, two] = [createLoginThrottle(limiterFactory(redis), { perAddress: 2 }), createLoginThrottle(limiterFactory(redis), { perAddress: 2 })];
    // Fresh keys per run: the Redis server is shared with other test runs.
    const run = randomUUID();
    const email = `owner-${run}@forum.test`;
    const address = (name: string) => `${name}-${run}`;
    const device = await (await one.admit({ email, address: address("owner") })).succeeded();
    await (await one.admit({ email, address: address("attacker") })).failed();
    await (await two.admit({ email, address: address("attacker") })).failed();
    await expect(one.admit({ email, address: address("attacker") })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(two.admit({ email, address: address("attacker") })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    for (let i = 0; i < 3; i++) await (await two.admit({ email, address: address(`bot${i}`) })).failed();
    await expect(one.admit({ email, address: address("new-browser") })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await two.admit({ email, address: address("venue"), device })).known).toBe(true);
  } finally {
    await redis.quit();
  }
});
