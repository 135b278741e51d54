import { FLOOR_EVENTS, type Ack, type TFloorList, type TFloorSnapshot, type TFloorState, type TMyFloor } from "@plenary/shared";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { REDIS_URL } from "./helpers/db-urls.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { eventWhere, participant, reconnectingSocket, untilAcked } from "./helpers/qa.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";

// Two real api processes sharing one Redis (Socket.IO adapter) and one PostgreSQL: the speakers'
// list is one list whichever process a client talks to, and it survives a restart.
let tdb: TestDatabase;
let first: ApiProcess;
let second: ApiProcess;
let sessionId: string;
const sockets: Socket[] = [];
const env = () => ({ DATABASE_URL: tdb.url, REDIS_URL });

beforeAll(async () => {
  tdb = await createTestDatabase();
  const eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  sessionId = (
    await tdb.database.prisma.session.create({
      data: { eventId, title: "Two processes", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", "fr"], status: "LIVE" },
    })
  ).id;
  [first, second] = await Promise.all([spawnApi(env()), spawnApi(env())]);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all([first?.stop(), second?.stop()]);
  await tdb.drop();
});

const data = <T>(ack: Ack<T>): T => {
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

async function connect(api: ApiProcess, role?: "MODERATOR") {
  const { client } = await participant(api.baseUrl, tdb.database.prisma, role ? { role: { sessionId, role } } : {});
  const socket = await reconnectingSocket(api.baseUrl, client.cookie!);
  sockets.push(socket);
  data(await untilAcked<TFloorSnapshot>(socket, FLOOR_EVENTS.sync, { sessionId }));
  return socket;
}

test("a request on one process reaches the chair on the other; the grant reaches everyone on both", async () => {
  const chair = await connect(second, "MODERATOR");
  const delegate = await connect(first);
  const watcher = await connect(second);
  const chairSees = eventWhere<TFloorList>(chair, FLOOR_EVENTS.listChanged, (l) => l.entries.length === 1);
  const mine = data(await untilAcked<TMyFloor>(delegate, FLOOR_EVENTS.request, { sessionId, language: "fr" }));
  expect((await chairSees).entries[0]!.requestId).toBe(mine.requestId);

  const granted = eventWhere<TMyFloor>(delegate, FLOOR_EVENTS.mineChanged, (m) => m.status === "GRANTED");
  const watcherSees = eventWhere<TFloorState>(watcher, FLOOR_EVENTS.changed, (s) => s.holders.length === 1);
  data(await untilAcked(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
  await granted;
  expect((await watcherSees).holders[0]!.requestId).toBe(mine.requestId);
});

test("the list and the floor survive an api restart", async () => {
  const chair = await connect(first, "MODERATOR");
  const waiting = await connect(second);
  const mine = data(await untilAcked<TMyFloor>(waiting, FLOOR_EVENTS.request, { sessionId, language: "en", topic: "After the restart" }));
  const before = data(await untilAcked<TFloorSnapshot>(chair, FLOOR_EVENTS.sync, { sessionId }));
  expect(before.state.queue).toContain(mine.requestId);
  await first.stop();
  first = await spawnApi(env());
  const again = await connect(first, "MODERATOR");
  const after = data(await untilAcked<TFloorSnapshot>(again, FLOOR_EVENTS.sync, { sessionId }));
  expect(after.state.queue).toEqual(before.state.queue);
  expect(after.list!.entries.find((e) => e.requestId === mine.requestId)).toMatchObject({ topic: "After the restart", language: "en" });
  // A holder stays a holder across the restart; only the drop-out grace (they never joined LiveKit
  // here) may have released them meanwhile, and then for that reason alone.
  for (const holder of before.state.holders) {
    const row = await tdb.database.prisma.floorRequest.findUniqueOrThrow({ where: { id: holder.requestId } });
    if (row.status !== "GRANTED") expect(row.endReason).toBe("disconnected");
  }
});
