import { afterAll, beforeAll, expect, test } from "vitest";
import type { Session } from "../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { REDIS_URL } from "./helpers/db-urls.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";
import { connected, connectSocket, emitAck, nextEvent, type TestSocket } from "./helpers/socket.ts";

// Two real api processes sharing one Redis (Socket.IO adapter) and one PostgreSQL database.
let tdb: TestDatabase;
let first: ApiProcess;
let second: ApiProcess;
let live: Session;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  live = (await seedSessions(tdb.database.prisma)).find((s) => s.status === "LIVE")!;
  const env = { DATABASE_URL: tdb.url, REDIS_URL };
  [first, second] = await Promise.all([spawnApi(env), spawnApi(env)]);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all([first?.stop(), second?.stop()]);
  await tdb.drop();
});

test("a session broadcast from one api process reaches a client of the other through Redis", async () => {
  const { client } = await signedInClient(first.baseUrl, tdb.database.prisma);
  const onSecond = connectSocket(second.baseUrl, { cookie: client.cookie });
  sockets.push(onSecond);
  await connected(onSecond);
  expect(await emitAck(onSecond, "session:join", { sessionId: live.id })).toHaveProperty("data");

  const received = nextEvent<{ session: { id: string; room: string } }>(onSecond, "session:updated");
  const { client: organiser } = await signedInClient(first.baseUrl, tdb.database.prisma, { organiser: true });
  const res = await organiser.request("PATCH", `/api/sessions/${live.id}`, { room: "Room 2 (moved)" });
  expect(res.status).toBe(200);
  expect((await received).session).toMatchObject({ id: live.id, room: "Room 2 (moved)" });
});

test("logging out on one api process closes that login's sockets on the other", async () => {
  const { client } = await signedInClient(first.baseUrl, tdb.database.prisma);
  const onSecond = connectSocket(second.baseUrl, { cookie: client.cookie });
  sockets.push(onSecond);
  await connected(onSecond);
  const closed = new Promise<string>((resolve) => onSecond.once("disconnect", resolve));
  expect((await client.post("/api/auth/logout")).status).toBe(204);
  expect(await closed).toBe("io server disconnect");
});
