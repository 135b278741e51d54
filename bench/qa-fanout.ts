// Live Q&A fan-out on one api process (a child process with a real PostgreSQL database), against a
// bare Socket.IO broadcast to the same number of sockets in the same run.
// Run: npx tsx bench/qa-fanout.ts   (needs PostgreSQL on 127.0.0.1; no LiveKit: media is off)
// The load generator is this process (the asker, the clock) plus BENCH_WORKERS child processes that
// hold the 2,000 receiving sockets. Only 127.0.0.1 is targeted; every wait has a deadline and the
// run stops by itself.
import { fork, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { hashPassword } from "../api/src/auth/password.ts";
import { fmt, ROOT, scratchDatabase, spawnNode } from "./lib.ts";
import type { WorkerCommand } from "./qa-fanout-worker.ts";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 2000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const VOTERS = Math.min(1000, SOCKETS);
const ASKS = Number(process.env.BENCH_ASKS ?? 30);
const API_PORT = 3960;
const BARE_PORT = 3961;
const DEADLINE_MS = 10_000;
const WATCHDOG_MS = 5 * 60_000;

const nowNs = () => process.hrtime.bigint();
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
// utime + stime of a process, in ms (clock ticks are 1/100 s on Linux).
const cpuMsOf = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? NaN };
};

// Child processes to kill if the watchdog fires (they would outlive this process otherwise).
const running: ChildProcess[] = [];

/** A load-generator process holding a share of the sockets, driven by request/response over IPC. */
function startWorker() {
  const child = fork(path.join(ROOT, "bench/qa-fanout-worker.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  running.push(child);
  let next = 0;
  const pending = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const call = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) call?.reject(new Error(m.error));
    else call?.resolve(m.result);
  });
  return {
    child,
    call: <T = any>(command: WorkerCommand): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        child.send({ id, ...command });
      }),
  };
}
type Worker = ReturnType<typeof startWorker>;

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
  const ids = Array.from({ length: SOCKETS + 1 }, () => randomUUID());
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

const share = <T,>(items: T[], k: number, of: number) => items.filter((_, i) => i % of === k);

/**
 * Sends `rounds` messages one after another through `send`, waits until every receiver has it (or
 * the deadline), and returns send→receipt latencies over all receivers, and the receipts missing.
 */
async function fanOut(workers: Worker[], event: string, send: (key: string) => void, rounds: number) {
  await Promise.all(workers.map((w) => w.call({ cmd: "listen", event })));
  const sentAt = new Map<string, bigint>();
  const latencies: number[] = [];
  let lost = 0;
  for (let i = 0; i < rounds; i++) {
    const key = `Bench question ${i} ${randomUUID()}: how will the WSIS action lines address AI governance in least developed countries?`;
    sentAt.set(key, nowNs());
    send(key);
    const received = (await Promise.all(workers.map((w) => w.call<number[]>({ cmd: "receipts", key, deadlineMs: DEADLINE_MS })))).flat();
    for (const at of received) latencies.push(Number(BigInt(at) - sentAt.get(key)!) / 1e6);
    lost += SOCKETS - received.length;
  }
  return { ...summary(latencies), lost, expected: rounds * SOCKETS };
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
  const workers = Array.from({ length: WORKERS }, startWorker);
  let bare: Awaited<ReturnType<typeof spawnNode>> | undefined;
  const { db, sessionId, cookies } = await seed(database.url);
  let asker: Socket | undefined;
  const generatorCpu = async () => (await Promise.all(workers.map((w) => w.call<number>({ cmd: "cpu" })))).reduce((a, b) => a + b, 0) + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
  try {
    const apiPid = api.child.pid!;
    const apiUrl = `http://127.0.0.1:${API_PORT}`;
    const rssBefore = rssKb(apiPid);

    // 1. Connect 2,000 sockets and subscribe each to the session's Q&A (qa:sync joins its room).
    let t = Date.now();
    const receivers = cookies.slice(1);
    await Promise.all(workers.map((w, k) => w.call({ cmd: "connect", url: apiUrl, cookies: share(receivers, k, WORKERS), sessionId })));
    const connectMs = Date.now() - t;
    const rssAfter = rssKb(apiPid);
    asker = io(apiUrl, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { Cookie: cookies[0]! } });
    await new Promise<void>((resolve) => asker!.once("connect", () => resolve()));

    // 2. Ask → received by all.
    const ask = (text: string) => asker!.emit("qa:ask", { sessionId, clientId: randomUUID(), text }, () => undefined);
    await fanOut(workers, "qa:question-asked", ask, 3); // warm-up
    let [genCpu, apiCpu] = [await generatorCpu(), cpuMsOf(apiPid)];
    t = Date.now();
    const asks = await fanOut(workers, "qa:question-asked", ask, ASKS);
    const askWall = Date.now() - t;
    const askGenCpu = ((await generatorCpu()) - genCpu) / askWall;
    const askApiCpu = (cpuMsOf(apiPid) - apiCpu) / askWall;

    // 3. 1,000 votes from 1,000 users within one second, on one question.
    const target = await asker.timeout(DEADLINE_MS).emitWithAck("qa:ask", { sessionId, clientId: randomUUID(), text: "Which question gets the votes?" });
    const questionId: string = target.data.question.id;
    const watching = Promise.all(workers.map((w) => w.call<{ settledNs: string; broadcasts: number; notAtTarget: number }>({ cmd: "watchVotes", questionId, target: VOTERS })));
    [genCpu, apiCpu] = [await generatorCpu(), cpuMsOf(apiPid)];
    const voteStart = nowNs() + 20_000_000n; // 20 ms from now, so every worker starts on time
    // Worker k holds receivers k, k + WORKERS, k + 2·WORKERS…; the first VOTERS receivers vote.
    const perWorker = workers.map((_, k) => share(receivers, k, WORKERS).flatMap((_, i) => (i * WORKERS + k < VOTERS ? [i] : [])));
    const voting = await Promise.all(workers.map((w, k) => w.call<{ ok: number; refused: number; lastSentNs: string }>({ cmd: "vote", questionId, voters: perWorker[k]!, startNs: String(voteStart), spreadMs: 1000 })));
    const watched = await watching;
    const settleNs = watched.every((w) => w.settledNs) ? watched.reduce((m, w) => (BigInt(w.settledNs) > m ? BigInt(w.settledNs) : m), 0n) : undefined;
    const settleMs = settleNs ? Number(settleNs - voteStart) / 1e6 : NaN;
    const sendSpanMs = Number(voting.reduce((m, v) => (BigInt(v.lastSentNs) > m ? BigInt(v.lastSentNs) : m), 0n) - voteStart) / 1e6;
    const voteWall = Number(nowNs() - voteStart) / 1e6;
    const voteGenCpu = ((await generatorCpu()) - genCpu) / voteWall;
    const voteApiCpu = (cpuMsOf(apiPid) - apiCpu) / voteWall;
    const acks = voting.reduce((a, v) => ({ ok: a.ok + v.ok, refused: a.refused + v.refused }), { ok: 0, refused: 0 });
    const [stored] = (await db.query(`SELECT (SELECT count(*)::int FROM "Vote" WHERE "questionId" = $1) AS rows, "voteCount" FROM "Question" WHERE id = $1`, [questionId])).rows;
    const notAtTarget = watched.reduce((n, w) => n + w.notAtTarget, 0);
    await Promise.all(workers.map((w) => w.call({ cmd: "disconnect" })));
    asker.disconnect();

    // 4. The same fan-out over a bare Socket.IO server, with the same payload.
    bare = await spawnNode("bench/bare-socketio.ts", { PORT: String(BARE_PORT) }, `http://127.0.0.1:${BARE_PORT}/ready`);
    running.push(bare.child);
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    await Promise.all(workers.map((w, k) => w.call({ cmd: "connect", url: bareUrl, cookies: share(receivers, k, WORKERS).map(() => "") })));
    const bareSender = io(bareUrl, { transports: ["websocket"], forceNew: true, reconnection: false });
    await new Promise<void>((resolve) => bareSender.once("connect", () => resolve()));
    const sample = target.data.question;
    const broadcast = (text: string) => bareSender.emit("broadcast", { sessionId, seq: 0, question: { ...sample, text } }, () => undefined);
    await fanOut(workers, "broadcasted", broadcast, 3);
    genCpu = await generatorCpu();
    t = Date.now();
    const bareResult = await fanOut(workers, "broadcasted", broadcast, ASKS);
    const bareGenCpu = ((await generatorCpu()) - genCpu) / (Date.now() - t);
    bareSender.disconnect();

    const pct = (share: number) => `${fmt(share * 100, 0)}%`;
    const line = (name: string, r: { p50: number; p99: number; max: number; lost: number; expected: number }) =>
      `  ${name.padEnd(26)} p50 ${fmt(r.p50, 1).padStart(6)} ms   p99 ${fmt(r.p99, 1).padStart(6)} ms   max ${fmt(r.max, 1).padStart(6)} ms   lost ${r.lost}/${r.expected}`;
    console.log(`\nQ&A fan-out bench: one api process, ${SOCKETS} sockets in one session held by ${WORKERS} load-generator processes, loopback, 2 cores shared by all`);
    console.log(`connect + qa:sync of ${SOCKETS} sockets: ${fmt(connectMs / 1000, 1)} s`);
    console.log(`\nAsk → received by all (${ASKS} questions, one at a time, ${SOCKETS} receivers each):`);
    console.log(line("Plenary qa:ask", asks));
    console.log(line("bare Socket.IO broadcast", bareResult));
    console.log(`  ratio Plenary/bare: p50 ${fmt(asks.p50 / bareResult.p50, 2)}x, p99 ${fmt(asks.p99 / bareResult.p99, 2)}x`);
    console.log(`  CPU (share of one core): load generator ${pct(askGenCpu)}, api ${pct(askApiCpu)}; bare run generator ${pct(bareGenCpu)}`);
    console.log(`\nVote burst: ${VOTERS} users, one vote each, last sent ${fmt(sendSpanMs, 0)} ms after the first:`);
    console.log(`  acks ok ${acks.ok}, refused ${acks.refused}; stored Vote rows ${stored.rows}, stored count ${stored.voteCount} (expected ${VOTERS})`);
    console.log(`  qa:votes-changed broadcasts: ${watched[0]!.broadcasts}; clients not showing ${VOTERS} at the end: ${notAtTarget}/${SOCKETS}`);
    console.log(`  time to settle (first vote due → every client shows ${VOTERS}): ${fmt(settleMs, 0)} ms; CPU generator ${pct(voteGenCpu)}, api ${pct(voteApiCpu)}`);
    console.log(`\nMemory: api RSS ${fmt(rssBefore / 1024, 1)} MB idle → ${fmt(rssAfter / 1024, 1)} MB with ${SOCKETS} sockets: ${fmt((rssAfter - rssBefore) / SOCKETS, 1)} KB per socket`);
    console.log(`Targets: ask p99 < 150 ms, 0 lost, exact counts, < 50 KB per socket.`);
  } finally {
    asker?.disconnect();
    await Promise.all(workers.map((w) => w.call({ cmd: "disconnect" }).catch(() => undefined)));
    for (const w of workers) w.child.kill();
    await db.end();
    await Promise.all([api.stop(), bare?.stop()]);
    await database.drop();
  }
}

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
    for (const child of running) child.kill("SIGKILL");
    process.exit(1);
  },
);
