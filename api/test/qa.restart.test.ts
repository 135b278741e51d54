import type { TQuestion } from "@plenary/shared";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { follow, newClientId, participant, reconnectingSocket, untilAcked } from "./helpers/qa.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";

// The api as its own OS process, killed with SIGKILL in the middle of a busy session and started
// again on the same port. Clients reconnect by themselves, resync from their last seq and retry
// what was never acknowledged, with the same client ids.
let tdb: TestDatabase;
let api: ApiProcess;
let sessionId: string;
const sockets: Socket[] = [];
const env = () => ({ DATABASE_URL: tdb.url, QA_VOTE_FLUSH_MS: "100", RATE_LIMIT_QUESTIONS_PER_MINUTE: "100" });

beforeAll(async () => {
  tdb = await createTestDatabase();
  const eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  sessionId = (
    await tdb.database.prisma.session.create({
      data: { eventId, title: "Restart", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "OPEN" },
    })
  ).id;
  api = await spawnApi(env());
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api?.stop();
  await tdb.drop();
});

async function connect() {
  const { client, user } = await participant(api.baseUrl, tdb.database.prisma);
  const socket = await reconnectingSocket(api.baseUrl, client.cookie!);
  sockets.push(socket);
  return { socket, user, ...follow(socket, sessionId) };
}

const questionOf = (ack: Awaited<ReturnType<typeof untilAcked<{ question: TQuestion }>>>) => {
  if ("error" in ack) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data.question;
};

test("kill -9 mid-session, restart on the same port: nothing lost, nothing duplicated, every client converges", async () => {
  const askers = await Promise.all(Array.from({ length: 3 }, connect));
  const voters = await Promise.all(Array.from({ length: 10 }, connect));
  const watcher = await connect();
  await watcher.until(() => true);

  // Before the crash: two acknowledged questions.
  const before: TQuestion[] = [];
  const beforeIds: string[] = [];
  for (const asker of askers.slice(0, 2)) {
    beforeIds.push(newClientId());
    before.push(questionOf(await untilAcked(asker.socket, "qa:ask", { sessionId, clientId: beforeIds.at(-1), text: "Asked before the crash?" })));
  }

  // A burst in flight: 15 asks and 20 votes, each retried until acknowledged, with the same ids.
  const asks = askers.flatMap((asker) => Array.from({ length: 5 }, (_, i) => ({ asker, clientId: newClientId(), text: `In flight ${i}?` })));
  const votes = voters.flatMap((voter) => before.map((q) => ({ voter, payload: { questionId: q.id, clientId: newClientId(), up: true } })));
  let acked = 0;
  const inFlight = [
    ...asks.map(({ asker, clientId, text }) => untilAcked<{ question: TQuestion }>(asker.socket, "qa:ask", { sessionId, clientId, text }).finally(() => acked++)),
    ...votes.map(({ voter, payload }) => untilAcked(voter.socket, "qa:vote", payload).finally(() => acked++)),
  ];
  while (acked < 1) await new Promise((resolve) => setImmediate(resolve));
  await api.kill();
  const ackedBeforeCrash = acked;
  api = await spawnApi(env(), api.port);
  const results = await Promise.all(inFlight);

  // The crash really came mid-burst, and every operation was acknowledged in the end, none with an error.
  expect(ackedBeforeCrash).toBeLessThan(inFlight.length);
  expect(results.filter((r) => "error" in r)).toEqual([]);
  const db = tdb.database.prisma;
  // Exactly one question per client id, none lost and none doubled.
  const stored = await db.question.findMany({ where: { sessionId }, select: { id: true, clientId: true } });
  expect(stored.map((q) => q.clientId).sort()).toEqual([...beforeIds, ...asks.map((a) => a.clientId)].sort());
  // Exactly one vote per voter per question.
  for (const q of before) expect(await db.vote.count({ where: { questionId: q.id } })).toBe(voters.length);

  // Every client, reconnected, holds the same state as the database: all questions, exact counts.
  const expected = (state: { questions: Record<string, TQuestion> }) =>
    Object.keys(state.questions).length === stored.length && before.every((q) => state.questions[q.id]?.voteCount === voters.length);
  for (const client of [...askers, ...voters, watcher]) {
    const state = await client.until(expected);
    expect(Object.keys(state.questions).sort()).toEqual(stored.map((q) => q.id).sort());
  }
});
