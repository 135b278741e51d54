// Token issuance through the full HTTP path (cookie auth, role lookup, LiveKit signing) on one api
// process, against a bare Express route measured in the same run.
// Run: npx tsx bench/token-issuance.ts   (needs PostgreSQL; starts its own livekit-server)
// Diagnose: BENCH_ROUNDS=0 BENCH_API_FLAGS="--trace-gc-nvp" (latency phase only, the api's GC log on stderr)
import autocannon from "autocannon";
// @ts-expect-error plain ESM script
import { ensureLivekitServer, startLivekit } from "../scripts/livekit.mjs";
import { spawnSync } from "node:child_process";
import { fmt, ROOT, scratchDatabase, spawnNode } from "./lib.ts";
import { hasWrk, wrkThroughput } from "./wrk.ts";

const API_PORT = 3950;
const BARE_PORT = 3951;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Result = autocannon.Result;
const load = (opts: autocannon.Options): Promise<Result> => new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));

interface FixedRateResult {
  p50: number;
  p99: number;
  max: number;
  errors: number;
}
/** Latency at a fixed request rate, from a separate process (bench/fixed-rate-worker.ts). */
function fixedRate(options: { url: string; method: string; headers: Record<string, string>; body?: string; rate: number; seconds: number }): FixedRateResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/fixed-rate-worker.ts", JSON.stringify(options)], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`fixed-rate worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

async function main() {
  const db = await scratchDatabase("plenary_bench_tokens");
  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  const livekit = await startLivekit({ binary: binary.path, port: 7960 });
  const api = await spawnNode("api/src/main.ts", {
    NODE_ENV: "test", LOG_LEVEL: "warn", PORT: String(API_PORT), DATABASE_URL: db.url, LIVEKIT_URL: livekit.url,
    SEED_DEMO: "true", RATE_LIMIT_TOKENS_PER_MINUTE: "100000000", PUBLIC_URL: `http://localhost:${API_PORT}`,
  }, `http://127.0.0.1:${API_PORT}/api/health`);
  const bare = await spawnNode("bench/bare-express.ts", { PORT: String(BARE_PORT) }, `http://127.0.0.1:${BARE_PORT}/ready`);
  try {
    const base = `http://127.0.0.1:${API_PORT}`;
    const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "speaker@demo.plenary.dev", password: "plenary-demo-2024" }) });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { sessions } = await (await fetch(`${base}/api/sessions?liveNow=true`)).json();
    const tokenUrl = `${base}/api/sessions/${sessions[0].id}/token`;
    const tokenReq = { method: "POST" as const, headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ role: "speaker" }) };
    const check = await fetch(tokenUrl, tokenReq);
    if (check.status !== 200) throw new Error(`token request failed: ${check.status} ${await check.text()}`);

    const bareReq = { url: `http://127.0.0.1:${BARE_PORT}/bare`, method: "POST" as const, headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ role: "speaker" }) };
    await load({ url: tokenUrl, ...tokenReq, connections: 20, duration: 2 }); // warm-up (JIT, pools)
    await load({ ...bareReq, connections: 20, duration: 2 });

    // Throughput with wrk when installed (apt-get install wrk): autocannon itself needs about a
    // core at these rates and would cap both sides. Latency at a fixed rate uses autocannon.
    const useWrk = hasWrk();
    const max = async (url: string, req: typeof tokenReq) =>
      useWrk
        ? wrkThroughput({ url, method: req.method, headers: req.headers, body: req.body, seconds: DURATION, connections: 50 })
        : load({ url, ...req, connections: 50, duration: DURATION }).then((r) => ({ rps: r.requests.average, non2xx: r.non2xx }));
    // Two cores are shared by wrk, the api and the bare server, so single runs are noisy: alternate
    // token and bare phases for several rounds and report each round and the medians.
    const rounds: { token: number; bare: number; non2xx: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const token = await max(tokenUrl, tokenReq);
      const bareRun = await max(bareReq.url, bareReq);
      rounds.push({ token: token.rps, bare: bareRun.rps, non2xx: token.non2xx + bareRun.non2xx });
    }
    const tokenFixed = fixedRate({ url: tokenUrl, ...tokenReq, rate: 500, seconds: DURATION * 2 });
    const bareFixed = fixedRate({ ...bareReq, rate: 500, seconds: DURATION * 2 });

    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\nToken issuance bench (${ROUNDS} rounds of ${DURATION}s per phase, 50 connections, throughput by ${useWrk ? "wrk" : "autocannon"}, loopback, one api process)`);
    rounds.forEach((r, i) => console.log(`round ${i + 1}: token ${fmt(r.token, 0)} req/s, bare Express ${fmt(r.bare, 0)} req/s, ratio ${fmt(r.token / r.bare, 2)}, non-2xx ${r.non2xx}`));
    // BENCH_ROUNDS=0 measures latency alone (for a profile of that phase).
    if (ROUNDS > 0) console.log(`median: token ${fmt(med(rounds.map((r) => r.token)), 0)} tokens/s, bare ${fmt(med(rounds.map((r) => r.bare)), 0)} req/s, ratio ${fmt(med(rounds.map((r) => r.token / r.bare)), 2)}`);
    const lat = (name: string, f: FixedRateResult) => `${name}: p50 ${fmt(f.p50, 2)} ms, p99 ${fmt(f.p99, 2)} ms, max ${fmt(f.max, 1)} ms, errors ${f.errors}`;
    console.log(`at 500 req/s open loop, ${DURATION * 2}s: ${lat("token", tokenFixed)} | ${lat("bare", bareFixed)}`);
    // The ratio holds across machines where absolute latencies do not: both sides share the run's noise.
    console.log(`p99 ratio token / bare Express: ${fmt(tokenFixed.p99 / bareFixed.p99, 2)}`);
    console.log(`targets: ≥ 2000 tokens/s, ratio ≥ 0.4, p99 < 25 ms and ≤ 3 × bare Express p99 at 500 req/s`);
  } finally {
    await Promise.all([api.stop(), bare.stop()]);
    await livekit.stop();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
