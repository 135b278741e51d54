import type { QaState, TQuestion } from "@plenary/shared";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { TEST_ORIGIN } from "./helpers/app.ts";
import { browserSocket, freePort, replicaOf, startApiReplica, startNginx, startRedisServer, stopAll, within, type ApiReplica, type Nginx, type RedisServer } from "./helpers/cluster.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { follow, newClientId, participant, untilAcked } from "./helpers/qa.ts";

// Two api replicas behind nginx (Debian's, as `npm run cluster` runs it), sticky per login so
// that Socket.IO's polling transport keeps reaching the replica that holds its session. Every
// client talks to the balancer only; the test learns which replica serves a login from the
// X-Plenary-Upstream header nginx adds in the local cluster.
let tdb: TestDatabase;
let redis: RedisServer;
let replicas: ApiReplica[] = [];
let nginx: Nginx;
const sockets: Socket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedSessions(tdb.database.prisma);
  redis = await startRedisServer();
  const livekitPort = Number(new URL(inject("livekitUrl")).port);
  const env = {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    PUBLIC_URL: TEST_ORIGIN,
    LIVEKIT_URL: inject("livekitUrl"),
    DATABASE_URL: tdb.url,
    REDIS_URL: redis.url,
    TRUST_PROXY: "1",
    QA_VOTE_FLUSH_MS: "50",
    RATE_LIMIT_QUESTIONS_PER_MINUTE: "100",
  };
  replicas = await Promise.all([freePort(), freePort()].map(async (port) => startApiReplica({ port: await port, env })));
  nginx = await startNginx({ port: await freePort(), apiPorts: replicas.map((r) => r.port), livekitPort: await freePort(), livekitPorts: [livekitPort] });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await stopAll([redis, ...replicas, nginx]);
  await tdb.drop();
});

async function openSession(title: string) {
  const eventId = (await tdb.database.prisma.event.findFirstOrThrow()).id;
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title, type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "OPEN" },
  });
  return session.id;
}

/** Signed-in clients through the balancer until each replica serves `perReplica` of them; half poll only. */
async function spreadClients(sessionId: string, perReplica: number) {
  const clients: (Awaited<ReturnType<typeof participant>> & { replica: string; socket: Socket; disconnects: number } & ReturnType<typeof follow>)[] = [];
  const count = (replica: string) => clients.filter((c) => c.replica === replica).length;
  for (let tries = 0; replicas.some((r) => count(`127.0.0.1:${r.port}`) < perReplica); tries++) {
    if (tries > 60) throw new Error("the balancer never spread logins over both replicas");
    const person = await participant(nginx.url, tdb.database.prisma);
    const replica = await replicaOf(nginx.url, person.client.cookie!);
    if (count(replica) >= perReplica) continue;
    const socket = await browserSocket(nginx.url, person.client.cookie!, { pollingOnly: clients.length % 2 === 0 });
    sockets.push(socket);
    const client = { ...person, replica, socket, disconnects: 0, ...follow(socket, sessionId) };
    socket.on("disconnect", () => client.disconnects++);
    clients.push(client);
  }
  return clients;
}

/** What a client shows, in a form two clients (or a fresh snapshot) can be compared by. */
const view = (state: QaState) =>
  Object.values(state.questions)
    .map((q) => `${q.id} ${q.status} ${q.voteCount} ${q.text}`)
    .sort();

async function freshView(sessionId: string) {
  const { client } = await participant(nginx.url, tdb.database.prisma);
  const socket = await browserSocket(nginx.url, client.cookie!);
  sockets.push(socket);
  const { until } = follow(socket, sessionId);
  const state = await until(() => true);
  socket.disconnect();
  return view(state);
}

const askedId = (ack: Awaited<ReturnType<typeof untilAcked<{ question: TQuestion }>>>) => {
  if ("error" in ack) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data.question.id;
};

test("clients spread over both replicas (polling and WebSocket) see one consistent Q&A", async () => {
  const sessionId = await openSession("Spread");
  const clients = await spreadClients(sessionId, 3);
  const ids = await Promise.all(clients.map((c, i) => untilAcked<{ question: TQuestion }>(c.socket, "qa:ask", { sessionId, clientId: newClientId(), text: `From client ${i}?` }).then(askedId)));
  // Everyone votes for everyone else's question, through whichever replica serves them.
  await Promise.all(clients.flatMap((c, i) => ids.filter((_, j) => j !== i).map((questionId) => untilAcked(c.socket, "qa:vote", { questionId, clientId: newClientId(), up: true }))));
  const settled = (s: QaState) => ids.every((id) => s.questions[id]?.voteCount === clients.length - 1);
  const views = await within(10_000, "every client sees every vote", Promise.all(clients.map((c) => c.until(settled).then(view))));
  const fresh = await freshView(sessionId);
  for (const v of views) expect(v).toEqual(fresh);
  expect(clients.every((c) => c.disconnects === 0)).toBe(true);
});

test("kill -9 of one replica: its clients reconnect through nginx to the other, resync, and lose nothing acknowledged", async () => {
  const sessionId = await openSession("Failover");
  const clients = await spreadClients(sessionId, 3);
  const [victim, survivor] = replicas as [ApiReplica, ApiReplica];
  const onVictim = clients.filter((c) => c.replica === `127.0.0.1:${victim.port}`);
  const seed = askedId(await untilAcked<{ question: TQuestion }>(clients[0]!.socket, "qa:ask", { sessionId, clientId: newClientId(), text: "Before the crash?" }));

  // A burst in flight: every client asks twice and the others vote for the first question; each
  // operation is retried with the same client id until acknowledged, as the web client does.
  const voters = clients.slice(1);
  const asks = clients.flatMap((c) => [1, 2].map((n) => ({ c, clientId: newClientId(), text: `Burst ${n} from ${c.user.userId.slice(0, 8)}?` })));
  let acked = 0;
  const inFlight = [
    ...asks.map(({ c, clientId, text }) => untilAcked(c.socket, "qa:ask", { sessionId, clientId, text }).finally(() => acked++)),
    ...voters.map((c) => untilAcked(c.socket, "qa:vote", { questionId: seed, clientId: newClientId(), up: true }).finally(() => acked++)),
  ];
  while (acked < 1) await new Promise((resolve) => setImmediate(resolve));
  await victim.kill();
  const ackedBeforeCrash = acked;
  const results = await within(20_000, "every operation acknowledged after the failover", Promise.all(inFlight));

  expect(ackedBeforeCrash).toBeLessThan(inFlight.length);
  expect(results.filter((r) => "error" in r)).toEqual([]);
  const db = tdb.database.prisma;
  const stored = await db.question.findMany({ where: { sessionId }, select: { clientId: true } });
  // Exactly one question per client id (none lost, none doubled), one vote per voter.
  expect(stored.length).toBe(asks.length + 1);
  for (const a of asks) expect(stored.filter((q) => q.clientId === a.clientId)).toHaveLength(1);
  expect(await db.vote.count({ where: { questionId: seed } })).toBe(voters.length);

  // The victim's clients dropped and came back through the balancer on the survivor; the others never dropped.
  for (const c of onVictim) {
    expect(c.disconnects).toBeGreaterThan(0);
    expect(await replicaOf(nginx.url, c.client.cookie!)).toBe(`127.0.0.1:${survivor.port}`);
  }
  expect(clients.filter((c) => !onVictim.includes(c)).every((c) => c.disconnects === 0)).toBe(true);
  const done = (s: QaState) => Object.keys(s.questions).length === stored.length && s.questions[seed]?.voteCount === voters.length;
  const views = await within(15_000, "every client converges", Promise.all(clients.map((c) => c.until(done).then(view))));
  const fresh = await freshView(sessionId);
  for (const v of views) expect(v).toEqual(fresh);
});
