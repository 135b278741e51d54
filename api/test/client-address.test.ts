import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { TestClient } from "./helpers/http.ts";

// Per-address budgets (registration here; login and guest tokens use the same address) must key on
// an address the client cannot write: X-Forwarded-For is the client's to fill, up to the hop a
// trusted proxy appends.
let tdb: TestDatabase;
const apps: TestApp[] = [];
let counter = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb.drop();
});

async function apiWith(env: Record<string, string>) {
  const app = await startTestApp({ database: tdb.database, env: { RATE_LIMIT_REGISTRATIONS_PER_HOUR: "2", ...env } });
  apps.push(app);
  return app;
}

const register = (app: TestApp, forwardedFor: string, email = `address${++counter}@example.org`) =>
  new TestClient(app.baseUrl).request("POST", "/api/auth/register", { email, password: "correct horse battery", displayName: "Probe", stakeholderGroup: "CIVIL_SOCIETY" }, { "X-Forwarded-For": forwardedFor });

describe("rate limits key on an address the client cannot choose", () => {
  test("by default no proxy is trusted: a client rotating X-Forwarded-For keeps one budget", async () => {
    const app = await apiWith({});
    const statuses = [];
    for (const forged of ["10.0.0.1", "10.0.0.2", "10.0.0.3", "127.0.0.2"]) statuses.push((await register(app, forged)).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  test("behind a trusted proxy, what the client wrote before the proxy's own entry is ignored", async () => {
    const app = await apiWith({ TRUST_PROXY: "loopback" });
    // The proxy appends the address it saw; anything to its left came from the client.
    const statuses = [];
    for (const forged of ["10.0.0.1", "10.0.0.2", "127.0.0.1", "10.0.0.4"]) statuses.push((await register(app, `${forged}, 203.0.113.9`)).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
    // Another client behind the same proxy has a budget of its own.
    expect((await register(app, "10.0.0.1, 203.0.113.10")).status).toBe(201);
  });
});
