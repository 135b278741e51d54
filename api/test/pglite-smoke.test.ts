import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { TestClient } from "./helpers/http.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";

// The embedded default: no DATABASE_URL, data in a directory that survives a restart.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pglite-"));
let api: ApiProcess | undefined;

afterAll(async () => {
  await api?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("runs on embedded PGlite, seeds the demo, and keeps data across a restart", { timeout: 120_000 }, async () => {
  const env = { PGLITE_DIR: dir, SEED_DEMO: "true", NODE_ENV: "development" };
  api = await spawnApi(env);
  expect(api.output()).toContain("attendee@demo.plenary.dev");
  const client = new TestClient(api.baseUrl);
  expect((await client.get("/api/health")).body).toMatchObject({ database: "ok" });
  const sessionCount = (await client.get("/api/sessions")).body.sessions.length;
  expect(sessionCount).toBeGreaterThanOrEqual(20);
  const user = await client.register({ email: "persist@example.org" });
  await api.stop();

  api = await spawnApi(env);
  const again = new TestClient(api.baseUrl);
  const login = await again.post("/api/auth/login", { email: "persist@example.org", password: "correct horse battery" });
  expect(login.status).toBe(200);
  expect(login.body.id).toBe(user.id);
  expect((await again.get("/api/sessions")).body.sessions.length).toBe(sessionCount);
});
