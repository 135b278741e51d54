// Live Q&A fan-out on one api process (a child process with a real PostgreSQL database), driven
// by 2,000 Socket.IO clients in this process, against a bare Socket.IO broadcast in the same run.
// Run: npx tsx bench/qa-fanout.ts   (needs PostgreSQL on 127.0.0.1; no LiveKit: media is off)
// Only 127.0.0.1 is targeted; every wait has a deadline and the run stops by itself.
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { hashPassword } from "../api/src/auth/password.ts";
import { fmt, scratchDatabase, spawnNode } from "./lib.ts";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 2000);
const VOTERS = Math.min(1000, SOCKETS - 1);
const ASKS = Number(process.env.BENCH_ASKS ?? 30);
const API_PORT = 3960;
const BARE_PORT = 3961;
const DEADLINE_MS = 10_000;
const WATCHDOG_MS = 5 * 60_000;

const now = () => performance.now();
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
// utime + stime of a process, in ms (clock ticks are 1/100 s on Linux).
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** Measures this process's CPU (user + system) over a phase, as a share of one core. */
function selfCpu() {
  const [start, wall] = [process.cpuUsage(), now()];
  return () => {
    const used = process.cpuUsage(start);
    return ((used.user + used.system) / 1000 / (now() - wall)) * 100;
  };
}

/** Users, login sessions and one live open-Q&A session, written straight into the database. */
async function seed(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const passwordHash = await hashPassword("bench-password-not-used");
  const eventId = randomUUID();
  const sessionId = randomUUID();
  await db.query(`INSERT INTO "Event" (id, slug, title, venue, "startDate", "endDate", timezone, languages) VALUES ($1, 'bench', 'Bench', 'Loopback', '2026-01-01', '2026-01-02', 'UTC', '{en}')`, [eventId]);
  await db.query(
    `INSERT INTO "Session" (id, "eventId", title, type, room, "startsAt", "endsAt", status, languages, "qaMode", "updatedAt")
     VALUES ($1, $2, 'Fan-out', 'HIGH_LEVEL', 'Plenary', now(), now() + interval '2 hours', 'LIVE', '{en}', 'OPEN', now())`,
    [sessionId, eventId],
  );
  const ids = Array.from({ length: SOCKETS }, () => randomUUID());
  const tokens = ids.map(() => randomBytes(32).toString("base64url"));
  await db.query(
    `INSERT INTO "User" (id, email, "passwordHash", "displayName", "stakeholderGroup")
     SELECT id, 'bench-' || id || '@example.org', $2, 'Bench ' || n, 'CIVIL_SOCIETY' FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
    [ids, passwordHash],
  );
  await db.query(
    `INSERT INTO "AuthSession" (id, "tokenHash", "userId", "expiresAt")
     SELECT gen_random_uuid(), h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS t(h, u)`,
    [tokens.map((t) => createHash("sha256").update(t).digest("hex")), ids],
  );
  return { db, sessionId, cookies: tokens.map((t) => `plenary_session=${t}`) };
}

function connectAll(url: string, headers: (i: number) => Record<string, string>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const connectOne = (i: number) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: headers(i), timeout: DEADLINE_MS });
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  return (async () => {
    for (let i = 0; i < SOCKETS; i += 100) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, SOCKETS - i) }, (_, k) => connectOne(i + k)))));
    }
    return sockets;
  })();
}

/** Waits until `count()` reaches `target` or the deadline passes; returns how long it took. */
async function until(count: () => number, target: number, started: number): Promise<number> {
  const deadline = started + DEADLINE_MS;
  while (count() < target && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  return now() - started;
}

/**
 * Sends `rounds` messages one after another and records, for every socket, the time from send to
 * receipt. Returns latencies and the receipts that never came.
 */
async function fanOut(sockets: Socket[], event: string, keyOf: (payload: any) => string, send: (key: string) => void, rounds: number) {
  const sentAt = new Map<string, number>();
  const received = new Map<string, number>();
  const latencies: number[] = [];
  for (const socket of sockets) {
    socket.on(event, (payload: unknown) => {
      const key = keyOf(payload);
      const t0 = sentAt.get(key);
      if (t0 === undefined) return;
      latencies.push(now() - t0);
      received.set(key, (received.get(key) ?? 0) + 1);
    });
  }
  let lost = 0;
  for (let i = 0; i < rounds; i++) {
    const key = `Bench question ${i} ${randomUUID()}: how will the WSIS action lines address AI governance in least developed countries?`;
    sentAt.set(key, now());
    send(key);
    await until(() => received.get(key) ?? 0, sockets.length, sentAt.get(key)!);
    lost += sockets.length - (received.get(key) ?? 0);
  }
  for (const socket of sockets) socket.off(event);
  return { ...summary(latencies), lost, expected: rounds * sockets.length };
}

async function main() {
  const database = await scratchDatabase("plenary_bench_qa");
  const api = await spawnNode(
    "api/src/main.ts",
    {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(API_PORT),
      PUBLIC_URL: `http://127.0.0.1:${API_PORT}`,
      DATABASE_URL: database.url,
      LIVEKIT_URL: "",
      // Synthetic users ask and vote far faster than people; the defaults (5/min, 10/s) stay strict.
      RATE_LIMIT_QUESTIONS_PER_MINUTE: "100000",
      RATE_LIMIT_VOTES_PER_SECOND: "1000",
    },
    `http://127.0.0.1:${API_PORT}/api/health`,
  );
  running.push(api.child);
  let bare: Awaited<ReturnType<typeof spawnNode>> | undefined;
  const { db, sessionId, cookies } = await seed(database.url);
  const sockets: Socket[] = [];
  try {
    const apiPid = api.child.pid!;
    const rssBefore = rssKb(apiPid);

    // 1. Connect and subscribe 2,000 sockets to the session's Q&A.
    let phaseCpu = selfCpu();
    let t = now();
    sockets.push(...(await connectAll(`http://127.0.0.1:${API_PORT}`, (i) => ({ Cookie: cookies[i]! }))));
    const syncs = await Promise.all(sockets.map((s) => s.timeout(DEADLINE_MS).emitWithAck("qa:sync", { sessionId })));
    if (syncs.some((a) => "error" in a)) throw new Error(`sync refused: ${JSON.stringify(syncs.find((a) => "error" in a))}`);
    const connectMs = now() - t;
    const connectCpu = phaseCpu();
    const rssAfter = rssKb(apiPid);

    // 2. Ask → received by all.
    const asker = sockets[0]!;
    const ask = (text: string) => asker.emit("qa:ask", { sessionId, clientId: randomUUID(), text }, () => undefined);
    await fanOut(sockets, "qa:question-asked", (p) => p.question.text, ask, 3); // warm-up
    phaseCpu = selfCpu();
    let apiCpu = cpuMs(apiPid);
    t = now();
    const asks = await fanOut(sockets, "qa:question-asked", (p) => p.question.text, ask, ASKS);
    const askWall = now() - t;
    const askCpu = phaseCpu();
    const askApiCpu = ((cpuMs(apiPid) - apiCpu) / askWall) * 100;

    // 3. 1,000 votes from 1,000 users within one second, on one question.
    const target = await asker.timeout(DEADLINE_MS).emitWithAck("qa:ask", { sessionId, clientId: randomUUID(), text: "Which question gets the votes?" });
    const questionId: string = target.data.question.id;
    const lastSeen = sockets.map(() => 0);
    let broadcasts = 0;
    let settled = 0;
    sockets.forEach((socket, i) =>
      socket.on("qa:votes-changed", (p: { counts: { id: string; voteCount: number }[] }) => {
        if (i === sockets.length - 1) broadcasts++;
        const count = p.counts.find((c) => c.id === questionId)?.voteCount;
        if (count === undefined) return;
        if (count === VOTERS && lastSeen[i] !== VOTERS) settled++;
        lastSeen[i] = count;
      }),
    );
    const acks = { ok: 0, refused: 0 };
    phaseCpu = selfCpu();
    apiCpu = cpuMs(apiPid);
    const voteStart = now();
    // Vote i is due at i ms; each tick sends every vote that is due, so a busy event loop (it is
    // also receiving the broadcasts) delays votes by one tick at most instead of piling them up.
    let sent = 0;
    const vote = (i: number) =>
      sockets[i]!.emit("qa:vote", { questionId, clientId: randomUUID(), up: true }, (ack: object) => ("data" in ack ? acks.ok++ : acks.refused++));
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.min(VOTERS, Math.floor(((now() - voteStart) / 1000) * VOTERS) + 1);
        while (sent < due) vote(++sent);
        if (sent === VOTERS) resolve(clearInterval(tick));
      }, 5);
    });
    const sendSpan = now() - voteStart;
    await until(() => acks.ok + acks.refused, VOTERS, voteStart);
    const settleMs = await until(() => settled, sockets.length, voteStart);
    const voteCpu = phaseCpu();
    const voteApiCpu = ((cpuMs(apiPid) - apiCpu) / settleMs) * 100;
    const [stored] = (await db.query(`SELECT (SELECT count(*)::int FROM "Vote" WHERE "questionId" = $1) AS rows, "voteCount" FROM "Question" WHERE id = $1`, [questionId])).rows;
    const wrongClients = lastSeen.filter((c) => c !== VOTERS).length;
    sockets.forEach((s) => s.disconnect());

    // 4. The same fan-out over a bare Socket.IO server, with the same payload size.
    bare = await spawnNode("bench/bare-socketio.ts", { PORT: String(BARE_PORT) }, `http://127.0.0.1:${BARE_PORT}/ready`);
    running.push(bare.child);
    const bareSockets = await connectAll(`http://127.0.0.1:${BARE_PORT}`, () => ({}));
    const sample = JSON.stringify(target.data.question);
    const broadcast = (text: string) => bareSockets[0]!.emit("broadcast", { sessionId, seq: 0, question: { ...JSON.parse(sample), text } }, () => undefined);
    await fanOut(bareSockets, "broadcasted", (p) => p.question.text, broadcast, 3);
    const bareCpu = selfCpu();
    t = now();
    const bareResult = await fanOut(bareSockets, "broadcasted", (p) => p.question.text, broadcast, ASKS);
    const bareWall = now() - t;
    const bareGenCpu = bareCpu();
    bareSockets.forEach((s) => s.disconnect());

    const perSocketKb = (rssAfter - rssBefore) / SOCKETS;
    const line = (name: string, r: { p50: number; p99: number; max: number; lost: number; expected: number }) =>
      `  ${name.padEnd(26)} p50 ${fmt(r.p50, 1).padStart(6)} ms   p99 ${fmt(r.p99, 1).padStart(6)} ms   max ${fmt(r.max, 1).padStart(6)} ms   lost ${r.lost}/${r.expected}`;
    console.log(`\nQ&A fan-out bench: one api process (pid ${apiPid}), ${SOCKETS} sockets in one session, load generator in this process, loopback`);
    console.log(`connect + qa:sync of ${SOCKETS} sockets: ${fmt(connectMs / 1000, 1)} s (generator CPU ${fmt(connectCpu, 0)}% of a core)`);
    console.log(`\nAsk → received by all (${ASKS} questions, one at a time, ${SOCKETS} receivers each):`);
    console.log(line("Plenary qa:ask", asks));
    console.log(line("bare Socket.IO broadcast", bareResult));
    console.log(`  ratio Plenary/bare: p50 ${fmt(asks.p50 / bareResult.p50, 2)}x, p99 ${fmt(asks.p99 / bareResult.p99, 2)}x`);
    console.log(`  CPU during asks: generator ${fmt(askCpu, 0)}% of a core, api ${fmt(askApiCpu, 0)}%   (bare run: generator ${fmt(bareGenCpu, 0)}%, ${fmt(bareWall / ASKS, 0)} ms per round vs ${fmt(askWall / ASKS, 0)} ms)`);
    console.log(`\nVote burst: ${VOTERS} users, one vote each, sent over ${fmt(sendSpan, 0)} ms:`);
    console.log(`  acks ok ${acks.ok}, refused ${acks.refused}; stored Vote rows ${stored.rows}, stored count ${stored.voteCount} (expected ${VOTERS})`);
    console.log(`  qa:votes-changed broadcasts: ${broadcasts} (≈ ${fmt(broadcasts / (settleMs / 1000), 1)}/s); clients not showing ${VOTERS}: ${wrongClients}/${SOCKETS}`);
    console.log(`  time to settle (first vote sent → every client shows ${VOTERS}): ${fmt(settleMs, 0)} ms; CPU generator ${fmt(voteCpu, 0)}%, api ${fmt(voteApiCpu, 0)}%`);
    console.log(`\nMemory: api RSS ${fmt(rssBefore / 1024, 1)} MB idle → ${fmt(rssAfter / 1024, 1)} MB with ${SOCKETS} sockets: ${fmt(perSocketKb, 1)} KB per socket`);
    console.log(`Targets: ask p99 < 150 ms, 0 lost, exact counts, < 50 KB per socket.`);
  } finally {
    sockets.forEach((s) => s.disconnect());
    await db.end();
    await Promise.all([api.stop(), bare?.stop()]);
    await database.drop();
  }
}

// Child processes to kill if the watchdog fires (they would outlive this process otherwise).
const running: ChildProcess[] = [];
const watchdog = setTimeout(() => {
  console.error(`bench did not finish within ${WATCHDOG_MS / 1000} s; stopping`);
  for (const child of running) child.kill("SIGKILL");
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
