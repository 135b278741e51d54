import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { TestClient } from "./helpers/http.ts";

// Registration answers whether an email is taken (409): a trade-off kept for people who mistype,
// made slow to exploit by a per-address budget on every attempt (README, Registration and account
// enumeration). This test plays one proxy in front of the api, which appends the client's address.
let tdb: TestDatabase;
let api: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  api = await startTestApp({ database: tdb.database, env: { TRUST_PROXY: "1", RATE_LIMIT_REGISTRATIONS_PER_HOUR: "2" } });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

let counter = 0;
const register = (address: string, email = `probe${++counter}@example.org`) =>
  new TestClient(api.baseUrl).request("POST", "/api/auth/register", { email, password: "correct horse battery", displayName: "Probe", stakeholderGroup: "CIVIL_SOCIETY" }, { "X-Forwarded-For": address });

test("a taken email is a 409, and every probe spends the address's registration budget", async () => {
  expect((await register("203.0.113.20", "taken@example.org")).status).toBe(201);
  expect((await register("198.51.100.5", "taken@example.org")).status).toBe(409);
  expect((await register("198.51.100.5", "free@example.org")).status).toBe(201);
  // The budget is gone: the prober learns nothing more, taken email or not.
  expect((await register("198.51.100.5", "taken@example.org")).status).toBe(429);
  expect((await register("198.51.100.5", "unknown@example.org")).status).toBe(429);
  // Other addresses are not held up.
  expect((await register("203.0.113.21")).status).toBe(201);
});
