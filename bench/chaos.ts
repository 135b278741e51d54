// Chaos on the local cluster (the pieces `npm run cluster` runs): for a bounded time, under ask and
// vote load from 50 clients in an open Q&A, it repeats three faults in turn, then counts.
//   1. kill -9 of an api replica (restarted at once, as a supervisor would);
//   2. a Redis restart;
//   3. kill -9 and restart of the LiveKit node hosting the session's room (a tone bot publishes,
//      two listeners hear it: media recovery is timed until the tone is heard again).
// Prints what was acknowledged, lost and doubled, reconnect+resync times (median, max), media
// recovery times, and whether every client's state equals a fresh snapshot.
// Run: npx tsx bench/chaos.ts [--seconds 120] [--clients 50]
// Needs PostgreSQL on 127.0.0.1:5432; starts its own Redis, LiveKit nodes, api replicas and nginx
// on loopback, and stops them (and itself) when done. Every wait has a deadline.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { dispose } from "@livekit/rtc-node";
import { roomNameFor } from "@plenary/shared";
import { createClient } from "redis";
import { openLoginSession } from "../api/src/auth/open-login-session.ts";
import { openDatabase } from "../api/src/db/client.ts";
import { seedAgenda } from "../api/src/seed/seed.ts";
import { hears } from "../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../api/test/helpers/tones.ts";
// @ts-expect-error plain ESM script shared with `npm run cluster`
import * as cluster from "../scripts/cluster-lib.mjs";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer } from "../scripts/livekit.mjs";
// @ts-expect-error plain ESM script shared with the hub and CI
import { buildApi } from "../scripts/setup.mjs";
import { newLedger, startClient, viewOf } from "./chaos-clients.ts";
import { fmt, scratchDatabase } from "./lib.ts";

const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "120" }, clients: { type: "string", default: "50" } } });
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
// Above the kernel's ephemeral range (32768–60999) and the cluster tests' block (40000–59999).
const base = 61_000 + (process.pid % 200) * 20;
const ports = { web: base, livekit: base + 1, apis: [base + 2, base + 3], nodes: [base + 5, base + 10], redis: base + 15 };
const started: { stop(): Promise<void> }[] = [];
const watchdog = setTimeout(() => void finish(2, "watchdog: the run overran its bound"), (SECONDS + 180) * 1000);

async function finish(code: number, why?: string) {
  if (why) console.error(why);
  await cluster.stopAll(started);
  process.exit(code);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const seconds = (xs: number[]) => (xs.length ? `median ${fmt(median(xs) / 1000, 2)} s, max ${fmt(Math.max(...xs) / 1000, 2)} s (n=${xs.length})` : "none");

await buildApi();
const database = await scratchDatabase(`plenary_chaos_${process.pid}`);
started.push({ stop: () => database.drop() });
const db = await openDatabase({ kind: "postgres", url: database.url });
started.push({ stop: () => db.close() });
const eventId = await seedAgenda(db.prisma);
const session = await db.prisma.session.create({
  data: { eventId, title: "Chaos", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "OPEN" },
});
const people = await Promise.all(
  Array.from({ length: CLIENTS + 3 }, async (_, i) => {
    const user = await db.prisma.user.create({ data: { email: `chaos-${i}-${process.pid}@example.org`, passwordHash: "unused", displayName: `Chaos ${i}`, stakeholderGroup: "CIVIL_SOCIETY" } });
    return { userId: user.id, cookie: `plenary_session=${(await openLoginSession({ db: db.prisma, userId: user.id })).token}` };
  }),
);
const [stageUser, ...audience] = people;
await db.prisma.sessionRole.create({ data: { userId: stageUser!.userId, sessionId: session.id, role: "STAGE" } });

const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-chaos-redis-"));
const redis = await cluster.startRedisServer({ port: ports.redis, dir: redisDir });
started.push(redis, { stop: async () => fs.rmSync(redisDir, { recursive: true, force: true }) });
const lk = createClient({ url: redis.url });
lk.on("error", () => undefined);
await lk.connect();
started.push({ stop: () => lk.quit().then(() => undefined, () => undefined) });
/** LiveKit names a node (a new id at every start) only in Redis: the id that appears when it starts is its. */
const nodeIds = new Map<unknown, string>();
async function startTracked(start: () => Promise<any>) {
  const before = new Set(await lk.hKeys("nodes"));
  const node = await start();
  for (let i = 0; i < 100 && !nodeIds.has(node); i++) {
    const id = (await lk.hKeys("nodes")).find((key) => !before.has(key));
    if (id) nodeIds.set(node, id);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return node;
}
const binary = ensureLivekitServer().path;
const nodes: any[] = [];
for (const port of ports.nodes) nodes.push(await startTracked(() => cluster.startLivekitNode({ binary, port, redisAddress: redis.address })));
started.push(...nodes);
const web = `http://127.0.0.1:${ports.web}`;
const env = {
  NODE_ENV: "test",
  LOG_LEVEL: "error",
  PUBLIC_URL: web,
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  LIVEKIT_URL: `ws://127.0.0.1:${ports.livekit}`,
  TRUST_PROXY: "1",
  QA_VOTE_FLUSH_MS: "100",
  RATE_LIMIT_QUESTIONS_PER_MINUTE: "1000",
  RATE_LIMIT_VOTES_PER_SECOND: "100",
  RATE_LIMIT_TOKENS_PER_MINUTE: "1000",
};
const apis: any[] = [];
for (const port of ports.apis) apis.push(await cluster.startApiReplica({ port, env }));
started.push(...apis);
started.push(await cluster.startNginx({ binary: cluster.ensureNginx(), port: ports.web, apiPorts: ports.apis, livekitPort: ports.livekit, livekitPorts: ports.nodes }));

// Media: a stage tone and two listeners, joined through the balancer's LiveKit address.
const token = async (cookie: string, role: string) => {
  const res = await fetch(`${web}/api/sessions/${session.id}/token`, { method: "POST", headers: { Cookie: cookie, Origin: web, "Content-Type": "application/json" }, body: JSON.stringify({ role }) });
  return (await res.json()) as { serverUrl: string; token: string };
};
const stageToken = await token(stageUser!.cookie, "stage");
const tone = await startTonePublisher({ url: stageToken.serverUrl, token: stageToken.token, hz: 440 });
const listeners = await Promise.all(
  audience.slice(CLIENTS, CLIENTS + 2).map(async (p) => {
    const { serverUrl, token: jwt } = await token(p.cookie, "attendee");
    return joinToneListener({ url: serverUrl, token: jwt, frequencies: [440] });
  }),
);
started.push({ stop: async () => (await Promise.all([tone.close(), ...listeners.map((l) => l.close())]), await dispose()) });
await Promise.all(listeners.map((l) => l.listener.waitFor((f) => hears(f, 440), 20_000)));

const ledger = newLedger();
const clients = audience.slice(0, CLIENTS).map((p) => startClient({ baseUrl: web, cookie: p.cookie, userId: p.userId, sessionId: session.id, ledger, pauseMs: [100, 400] }));
const media: number[] = [];
const done: string[] = [];
const faults: string[] = [];

const faultsInTurn = [
  async (round: number) => {
    const victim = apis[round % apis.length];
    await victim.kill();
    await victim.start();
    return `kill -9 api :${victim.port}`;
  },
  async () => {
    await redis.restart();
    return "Redis restart";
  },
  async () => {
    const host = await lk.hGet("room_node_map", roomNameFor(session.id));
    const victim = nodes.find((n) => nodeIds.get(n) === host);
    if (!victim) return faults.push(`room on unknown node ${host}`), "LiveKit node restart skipped";
    const t0 = performance.now();
    await victim.kill();
    nodeIds.delete(victim);
    const heard = Promise.all(listeners.map((l) => l.listener.waitFor((f) => hears(f, 440), 60_000)));
    await startTracked(() => victim.start());
    await heard.then(() => media.push(performance.now() - t0), () => faults.push("media not back within 60 s"));
    return `kill -9 + restart LiveKit node :${victim.port}`;
  },
];

const until = performance.now() + SECONDS * 1000;
await new Promise((resolve) => setTimeout(resolve, 5000));
for (let round = 0; performance.now() < until; round++) {
  const fault = faultsInTurn[round % faultsInTurn.length]!;
  const what = await fault(Math.floor(round / faultsInTurn.length));
  done.push(what);
  console.log(`${fmt((SECONDS * 1000 - (until - performance.now())) / 1000, 0)} s: ${what}`);
  // Load goes on between faults, long enough for every client to be back before the next one.
  await new Promise((resolve) => setTimeout(resolve, 8000));
}

console.log("stopping the load; waiting for every operation in flight to be acknowledged…");
await Promise.all(clients.map((c) => c.stop()));
// Counts in the database once every replica's last vote flush has run (each flushes within
// QA_VOTE_FLUSH_MS of a vote, later on a saturated machine): wait up to 10 s for them to settle.
const countsQuery = () =>
  db.query<{ id: string; clientId: string; voteCount: number; votes: number }>(
    `SELECT q.id, q."clientId", q."voteCount", (SELECT count(*)::int FROM "Vote" v WHERE v."questionId" = q.id) AS votes FROM "Question" q WHERE q."sessionId" = $1::uuid`,
    [session.id],
  );
const settleStart = performance.now();
let stored = await countsQuery();
while (stored.some((q) => q.voteCount !== q.votes) && performance.now() - settleStart < 10_000) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  stored = await countsQuery();
}
const settledMs = performance.now() - settleStart;
const voteRows = await db.query<{ key: string }>(`SELECT v."userId" || ' ' || v."questionId" AS key FROM "Vote" v JOIN "Question" q ON q.id = v."questionId" WHERE q."sessionId" = $1::uuid`, [session.id]);
const byClientId = new Map<string, number>();
for (const q of stored) byClientId.set(q.clientId, (byClientId.get(q.clientId) ?? 0) + 1);
const storedVotes = new Set(voteRows.map((r) => r.key));
const lostAsks = [...ledger.asks.keys()].filter((clientId) => !byClientId.has(clientId)).length;
const doubledAsks = [...byClientId.values()].filter((n) => n > 1).length;
const lostVotes = [...ledger.votes].filter((key) => !storedVotes.has(key)).length;
const countsOff = stored.filter((q) => q.voteCount !== q.votes).length;

// A fresh client's snapshot is the truth every client must show.
const fresh = startClient({ baseUrl: web, cookie: audience.at(-1)!.cookie, userId: audience.at(-1)!.userId, sessionId: session.id, ledger: newLedger(), pauseMs: [0, 0], act: false });
let truth: string;
const deadline = performance.now() + 20_000;
let converged: number;
for (;;) {
  truth = fresh.view;
  converged = clients.filter((c) => c.view === truth).length;
  if ((truth !== viewOf(undefined) && converged === clients.length) || performance.now() > deadline) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}

console.log(`\nChaos for ${SECONDS} s, ${CLIENTS} clients through nginx, 2 api replicas, 2 LiveKit nodes, Redis with AOF`);
console.log(`faults (${done.length}): ${done.join("; ")}`);
console.log(`asks acknowledged ${ledger.asks.size}, lost ${lostAsks}, doubled ${doubledAsks}`);
console.log(`votes acknowledged ${ledger.votes.size}, lost ${lostVotes}, doubled 0 by key; stored counts off ${countsOff} (after ${fmt(settledMs / 1000, 1)} s of settling)`);
console.log(`error acks ${ledger.errors.length}${ledger.errors.length ? ` (${[...new Set(ledger.errors)].join(", ")})` : ""}`);
console.log(`reconnect + resync after an api kill: ${seconds(ledger.reconnects)}`);
console.log(`media back after a LiveKit node kill (tone heard again by both listeners): ${seconds(media)}`);
console.log(`clients equal to a fresh snapshot: ${converged}/${clients.length} (${stored.length} questions)${faults.length ? `; ${faults.join("; ")}` : ""}`);
clients.forEach((c) => c.close());
fresh.close();
clearTimeout(watchdog);
await finish(lostAsks + doubledAsks + lostVotes + countsOff === 0 && converged === clients.length ? 0 : 1);
