// Join time: from opening the session page to the first floor audio frame heard in Chromium
// (the page's AnalyserNode first crosses the audibility threshold), over N fresh joins.
// Run: npx tsx bench/join-time.ts   (needs PostgreSQL and Chromium; starts livekit-server and the api)
import { launchChromium, startStack, tmpFile, writeToneWav, DEMO_PASSWORD } from "../e2e/harness.ts";
import { fmt } from "./lib.ts";

const JOINS = Number(process.env.BENCH_JOINS ?? 10);

async function main() {
  const stack = await startStack({ port: 3970, livekitPort: 7970, dbName: "plenary_bench_join" });
  const browser = await launchChromium(writeToneWav(tmpFile("tone.wav")));
  try {
    const stageContext = await browser.newContext({ baseURL: stack.baseUrl });
    await stageContext.request.post("/api/auth/login", { data: { email: "stage@demo.plenary.dev", password: DEMO_PASSWORD } });
    const sessionId = (await (await stageContext.request.get("/api/sessions?liveNow=true")).json()).sessions[0].id;
    const stage = await stageContext.newPage();
    await stage.goto(`/sessions/${sessionId}/stage`);
    await stage.getByTestId("stage-go-live").click();
    await stage.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state === "live", undefined, { timeout: 30_000 });

    const times: number[] = [];
    const stages: Record<string, number>[] = [];
    for (let i = 0; i < JOINS; i++) {
      const context = await browser.newContext({ baseURL: stack.baseUrl });
      await context.request.post("/api/auth/register", {
        data: { email: `join-${Date.now()}-${i}@bench.test`, password: "bench password 123", displayName: `Bench ${i}`, stakeholderGroup: "ACADEMIA_TECHNICAL" },
      });
      const page = await context.newPage();
      // JOIN_LOG=1 prints the page's console (LiveKit's own connection log) for each join.
      if (process.env.JOIN_LOG) page.on("console", (m) => console.log("   [page]", m.type(), m.text().slice(0, 300)));
      await page.goto(`/sessions/${sessionId}`, { waitUntil: "commit" });
      // data-first-audio-ms is performance.now() at the first audible frame; performance.now()
      // counts from the navigation's start, so it is the join time itself.
      const handle = await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.firstAudioMs, undefined, { timeout: 30_000, polling: 20 });
      times.push(Number(await handle.jsonValue()));
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("plenary:")).map((m) => [m.name.slice(8), Math.round(m.startTime)])));
      const main = await page.evaluate(() => Math.round((performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      stages.push({ "first-script": main, ...marks, "first-audio": times.at(-1)! });
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    console.log(`\nJoin time, page open → first audible floor frame, ${JOINS} joins on loopback (Chromium ${browser.version()})`);
    console.log(`each (ms): ${times.map((t) => fmt(t, 0)).join(", ")}`);
    console.log(`median ${fmt(pct(50), 0)} ms, p95 ${fmt(pct(95), 0)} ms, max ${fmt(sorted.at(-1)!, 0)} ms   (target: p95 < 2000 ms)`);
    const names = [...new Set(stages.flatMap((s) => Object.keys(s)))];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Stages in the order they happened; first-script is the page's small entry (DOMContentLoaded).
    const medians = names.map((n) => [n, median(stages.flatMap((s) => (s[n] === undefined ? [] : [s[n]])))] as const).sort((a, b) => a[1] - b[1]);
    console.log(`median stage times (ms from navigation): ${medians.map(([n, t]) => `${n} ${t}`).join(", ")}`);
    // The marks after connect-start belong to the connection started at navigation; a join without
    // them had that connection dropped and made a second one (JOIN_LOG=1 shows why).
    console.log(`joins that used the connection started at navigation: ${stages.filter((s) => s["room-connected"] !== undefined).length} of ${JOINS}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
