// Join time: from opening the session page to the first floor audio frame heard in Chromium
// (the page's AnalyserNode first crosses the audibility threshold), over N fresh joins, against a
// baseline timed in the same run: a bare livekit-client page (bench/join-baseline/) joining the
// same room with a pre-issued token and detecting the first audible frame the same way. The ratio
// of the two is what Plenary adds, and holds on a slower or busier machine where the absolute
// times do not.
// Run: npx tsx bench/join-time.ts   (needs PostgreSQL and Chromium; starts livekit-server and the api)
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, startStack, tmpFile, writeToneWav, DEMO_PASSWORD } from "../e2e/harness.ts";
import { serveJoinBaseline } from "./join-baseline/serve.ts";
import { fmt } from "./lib.ts";

const JOINS = Number(process.env.BENCH_JOINS ?? 10);
// BENCH_PORT moves the api (PORT) and livekit-server (PORT + 4000, + 4001, + 4002) off the defaults
// when another checkout on the host runs this bench at the same time.
const PORT = Number(process.env.BENCH_PORT ?? 3970);

interface Join {
  /** Navigation start → first audible frame (ms). */
  firstAudio: number;
  /** User-timing marks (ms from navigation) and the page's DOMContentLoaded as first-script. */
  stages: Record<string, number>;
}

/** Opens `url` in a context and reads the first-audible time and the marks the page left. */
async function timeJoin(page: Page, url: string): Promise<Join> {
  // JOIN_LOG=1 prints the page's console (LiveKit's own connection log) for each join.
  if (process.env.JOIN_LOG) page.on("console", (m) => console.log("   [page]", m.type(), m.text().slice(0, 300)));
  await page.goto(url, { waitUntil: "commit" });
  // data-first-audio-ms is performance.now() at the first audible frame; performance.now()
  // counts from the navigation's start, so it is the join time itself.
  const handle = await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.firstAudioMs, undefined, { timeout: 30_000, polling: 20 });
  const firstAudio = Number(await handle.jsonValue());
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("plenary:")).map((m) => [m.name.slice(8), Math.round(m.startTime)])));
  const firstScript = await page.evaluate(() => Math.round((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
  // The token request as the network saw it: when it left, and when its answer began.
  const tokenRequest = await page.evaluate((): Record<string, number> => {
    const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/token")) as PerformanceResourceTiming | undefined;
    return entry ? { "token-sent": Math.round(entry.startTime), "token-answered": Math.round(entry.responseStart), "token-received": Math.round(entry.responseEnd) } : {};
  });
  return { firstAudio, stages: { "first-script": firstScript, ...tokenRequest, ...marks, "first-audio": firstAudio } };
}

/** A fresh browser context (no cache, no cookies) logged in as a newly registered attendee. */
async function freshAttendee(browser: Browser, baseUrl: string, tag: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.request.post("/api/auth/register", {
    data: { email: `join-${tag}-${Date.now()}@bench.test`, password: "bench password 123", displayName: `Bench ${tag}`, stakeholderGroup: "ACADEMIA_TECHNICAL" },
  });
  return context;
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function report(name: string, joins: Join[]) {
  const times = joins.map((j) => j.firstAudio);
  console.log(`${name}: median ${fmt(pct(times, 50), 0)} ms, p95 ${fmt(pct(times, 95), 0)} ms, max ${fmt(Math.max(...times), 0)} ms; each: ${times.map((t) => fmt(t, 0)).join(", ")}`);
  const names = [...new Set(joins.flatMap((j) => Object.keys(j.stages)))];
  // Stages in the order they happened; first-script is the page's first script (DOMContentLoaded).
  const medians = names.map((n) => [n, pct(joins.flatMap((j) => (j.stages[n] === undefined ? [] : [j.stages[n]])), 50)] as const).sort((a, b) => a[1] - b[1]);
  console.log(`  median stage times (ms from navigation): ${medians.map(([n, t]) => `${n} ${t}`).join(", ")}`);
}

async function main() {
  const stack = await startStack({ port: PORT, livekitPort: PORT + 4000, dbName: `plenary_bench_join_${PORT}` });
  const baseline = await serveJoinBaseline();
  const browser = await launchChromium(writeToneWav(tmpFile("tone.wav")));
  try {
    const stageContext = await browser.newContext({ baseURL: stack.baseUrl });
    await stageContext.request.post("/api/auth/login", { data: { email: "stage@demo.plenary.dev", password: DEMO_PASSWORD } });
    const sessionId = (await (await stageContext.request.get("/api/sessions?liveNow=true")).json()).sessions[0].id;
    const stage = await stageContext.newPage();
    await stage.goto(`/sessions/${sessionId}/stage`);
    await stage.getByTestId("stage-go-live").click();
    await stage.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state === "live", undefined, { timeout: 30_000 });

    const plenary: Join[] = [];
    const bare: Join[] = [];
    const joinPlenary = async (i: number) => {
      const context = await freshAttendee(browser, stack.baseUrl, `p${i}`);
      plenary.push(await timeJoin(await context.newPage(), `/sessions/${sessionId}`));
      await context.close();
    };
    const joinBaseline = async (i: number) => {
      const context = await freshAttendee(browser, stack.baseUrl, `b${i}`);
      // Issued before the clock starts: the baseline measures the media path alone.
      const details = await (await context.request.post(`/api/sessions/${sessionId}/token`, { data: { role: "attendee" } })).json();
      const fragment = encodeURIComponent(JSON.stringify({ serverUrl: details.serverUrl, token: details.token }));
      bare.push(await timeJoin(await context.newPage(), `${baseline.url}#${fragment}`));
      await context.close();
    };
    // Interleaved, and in alternating order, so a noisy neighbour or a warming server weighs on both alike.
    for (let i = 0; i < JOINS; i++) {
      for (const join of i % 2 === 0 ? [joinPlenary, joinBaseline] : [joinBaseline, joinPlenary]) await join(i);
    }
    console.log(`\nJoin time, page open → first audible floor frame, ${JOINS} joins each, interleaved, on loopback (Chromium ${browser.version()})`);
    report("Plenary ", plenary);
    report("baseline", bare);
    const ratio = (p: number) => pct(plenary.map((j) => j.firstAudio), p) / pct(bare.map((j) => j.firstAudio), p);
    console.log(`ratio Plenary / baseline: median ${fmt(ratio(50), 2)}, p95 ${fmt(ratio(95), 2)}   (targets: Plenary p95 ≤ 1.5 × baseline p95, p95 < 2000 ms)`);
    // The marks after connect-start belong to the connection started at navigation; a join without
    // them had that connection dropped and made a second one (JOIN_LOG=1 shows why).
    console.log(`Plenary joins that used the connection started at navigation: ${plenary.filter((j) => j.stages["room-connected"] !== undefined).length} of ${JOINS}`);
  } finally {
    await browser.close();
    await baseline.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
