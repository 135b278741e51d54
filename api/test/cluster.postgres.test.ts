import pg from "pg";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { TEST_ORIGIN } from "./helpers/app.ts";
import { freePort, startApiReplica, type ApiReplica } from "./helpers/cluster.ts";
import { ADMIN_URL } from "./helpers/db-urls.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";

// PostgreSQL closing the api's connections, as a restart or a failover does: the replica stays up
// and serves again from new connections.
let tdb: TestDatabase;
let api: ApiReplica;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const env = { NODE_ENV: "test", LOG_LEVEL: "warn", PUBLIC_URL: TEST_ORIGIN, LIVEKIT_URL: inject("livekitUrl"), DATABASE_URL: tdb.url };
  api = await startApiReplica({ port: await freePort(), env });
});
afterAll(async () => {
  await api?.stop();
  await tdb.drop();
});

const health = () => fetch(`${api.url}/api/health`).then((r) => r.status);

test("PostgreSQL terminates every connection of a replica: the replica survives and answers from new connections", async () => {
  await Promise.all(Array.from({ length: 8 }, health));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = new URL(tdb.url).pathname.slice(1);
  const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  await admin.end();
  expect(rowCount).toBeGreaterThan(0);
  expect(await health()).toBe(200);
  expect(api.alive).toBe(true);
});
