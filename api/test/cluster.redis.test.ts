import type { TQuestion } from "@plenary/shared";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { TEST_ORIGIN } from "./helpers/app.ts";
import { freePort, startApiReplica, startRedisServer, stopAll, within, type ApiReplica, type RedisServer } from "./helpers/cluster.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { follow, newClientId, participant, reconnectingSocket, untilAcked } from "./helpers/qa.ts";

// Two api replicas whose Socket.IO adapter and rate limits share a private redis-server, which
// the test stops and starts again in the middle of a session.
let tdb: TestDatabase;
let redis: RedisServer;
let replicas: ApiReplica[] = [];
let sessionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  const eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  sessionId = (
    await tdb.database.prisma.session.create({
      data: { eventId, title: "Redis restart", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "OPEN" },
    })
  ).id;
  redis = await startRedisServer();
  const env = { NODE_ENV: "test", LOG_LEVEL: "warn", PUBLIC_URL: TEST_ORIGIN, LIVEKIT_URL: inject("livekitUrl"), DATABASE_URL: tdb.url, REDIS_URL: redis.url, QA_VOTE_FLUSH_MS: "50" };
  replicas = await Promise.all([freePort(), freePort()].map(async (port) => startApiReplica({ port: await port, env })));
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await stopAll([redis, ...replicas]);
  await tdb.drop();
});

async function connect(replica: ApiReplica) {
  const { client, user } = await participant(replica.url, tdb.database.prisma);
  const socket = await reconnectingSocket(replica.url, client.cookie!);
  sockets.push(socket);
  return { socket, user, ...follow(socket, sessionId) };
}

const ask = async (socket: Socket, text: string) => {
  const ack = await untilAcked<{ question: TQuestion }>(socket, "qa:ask", { sessionId, clientId: newClientId(), text });
  if ("error" in ack) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data.question;
};

test("Redis restarts mid-session: both replicas stay up, asks are acknowledged meanwhile, and Q&A crosses replicas again once it is back", async () => {
  const [first, second] = replicas as [ApiReplica, ApiReplica];
  const asker = await connect(first);
  const watcher = await connect(second);
  const before = await ask(asker.socket, "Before the restart?");
  await within(5000, "a question crosses replicas", watcher.until((s) => Boolean(s.questions[before.id])));

  await redis.stop();
  // Rate limits fall back to each replica's memory while Redis is away, so asking still works.
  const during = await within(5000, "an ask during the outage is acknowledged", ask(asker.socket, "While Redis is down?"));
  await redis.start();

  const after = await ask(asker.socket, "After the restart?");
  const voters = await Promise.all(Array.from({ length: 4 }, (_, i) => connect(replicas[i % 2]!)));
  await Promise.all(voters.map((v) => untilAcked(v.socket, "qa:vote", { questionId: after.id, clientId: newClientId(), up: true })));

  // The other replica's client ends up with everything, counts exact, with no reload.
  const everything = (s: { questions: Record<string, TQuestion> }) => [before, during, after].every((q) => s.questions[q.id]) && s.questions[after.id]!.voteCount === 4;
  await within(10_000, "the other replica's client converges", watcher.until(everything));
  await within(10_000, "the asker converges", asker.until(everything));
  expect(replicas.every((r) => r.alive)).toBe(true);
});
