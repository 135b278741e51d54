import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { openDatabase, type Database } from "../src/db/client.ts";
import { startTestApp } from "./helpers/app.ts";
import { createTestDatabase } from "./helpers/db.ts";
import { TestClient } from "./helpers/http.ts";

// Each engine's driver adapter reports a unique violation its own way (PrismaPg as P2002, the
// PGlite adapter as a raw SQLSTATE 23505): the answer must not depend on which one is running.
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const engines: Record<Database["kind"], () => Promise<Database>> = {
  postgres: async () => {
    const tdb = await createTestDatabase();
    cleanups.push(() => tdb.drop());
    return tdb.database;
  },
  pglite: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-dup-pglite-"));
    const database = await openDatabase({ kind: "pglite", dir });
    cleanups.push(async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    return database;
  },
};

test.each(Object.keys(engines) as Database["kind"][])("registering a taken email is a 409 CONFLICT on %s", async (kind) => {
  const api = await startTestApp({ database: await engines[kind]() });
  cleanups.push(() => api.close());
  const body = { email: "taken@example.org", password: "correct horse battery", displayName: "First", stakeholderGroup: "ACADEMIA_TECHNICAL" };
  expect((await new TestClient(api.baseUrl).post("/api/auth/register", body)).status).toBe(201);
  const again = await new TestClient(api.baseUrl).post("/api/auth/register", { ...body, email: "Taken@Example.org", displayName: "Second" });
  expect(again.status).toBe(409);
  expect(again.body).toEqual({ error: { code: "CONFLICT", message: "An account with this email already exists." } });
});
