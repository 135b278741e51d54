import type { TQuestion } from "@plenary/shared";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { REDIS_URL } from "./helpers/db-urls.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { follow, newClientId, participant, reconnectingSocket, untilAcked } from "./helpers/qa.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";

// Two real api processes sharing one Redis (Socket.IO adapter, rate limits) and one PostgreSQL.
let tdb: TestDatabase;
let first: ApiProcess;
let second: ApiProcess;
let sessionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  const eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  sessionId = (
    await tdb.database.prisma.session.create({
      data: { eventId, title: "Two processes", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "OPEN" },
    })
  ).id;
  const env = { DATABASE_URL: tdb.url, REDIS_URL, QA_VOTE_FLUSH_MS: "50" };
  [first, second] = await Promise.all([spawnApi(env), spawnApi(env)]);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all([first?.stop(), second?.stop()]);
  await tdb.drop();
});

async function connect(api: ApiProcess) {
  const { client, user } = await participant(api.baseUrl, tdb.database.prisma);
  const socket = await reconnectingSocket(api.baseUrl, client.cookie!);
  sockets.push(socket);
  return { socket, user, ...follow(socket, sessionId) };
}

test("a question asked through one process reaches clients of the other, and votes from both count exactly once each", async () => {
  const asker = await connect(first);
  const watcher = await connect(second);
  await watcher.until((s) => s.seq >= 0);

  const ack = await untilAcked<{ question: TQuestion }>(asker.socket, "qa:ask", { sessionId, clientId: newClientId(), text: "Across processes?" });
  if (!("data" in ack)) throw new Error(ack.error.message);
  const questionId = ack.data.question.id;
  await watcher.until((s) => s.questions[questionId]?.text === "Across processes?");

  const voters = await Promise.all(Array.from({ length: 8 }, (_, i) => connect(i % 2 ? first : second)));
  await Promise.all(voters.map((v) => untilAcked(v.socket, "qa:vote", { questionId, clientId: newClientId(), up: true })));
  // Each voter repeats its vote through its own process: nothing more may count.
  await Promise.all(voters.map((v) => untilAcked(v.socket, "qa:vote", { questionId, clientId: newClientId(), up: true })));
  const settled = await watcher.until((s) => s.questions[questionId]?.voteCount === 8);
  expect(settled.questions[questionId]!.voteCount).toBe(8);
  await asker.until((s) => s.questions[questionId]?.voteCount === 8);
  expect(await tdb.database.prisma.vote.count({ where: { questionId } })).toBe(8);
});

test("the question rate limit is shared by both processes through Redis", async () => {
  const { client } = await participant(first.baseUrl, tdb.database.prisma);
  const [onFirst, onSecond] = await Promise.all([reconnectingSocket(first.baseUrl, client.cookie!), reconnectingSocket(second.baseUrl, client.cookie!)]);
  sockets.push(onFirst, onSecond);
  for (let i = 0; i < 5; i++) {
    const via = i % 2 ? onSecond : onFirst;
    expect(await untilAcked(via, "qa:ask", { sessionId, clientId: newClientId(), text: `Shared limit ${i}?` })).toHaveProperty("data");
  }
  expect(await untilAcked(onSecond, "qa:ask", { sessionId, clientId: newClientId(), text: "Sixth?" })).toMatchObject({ error: { code: "RATE_LIMITED" } });
});
