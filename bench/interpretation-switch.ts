// Channel switching: from the listener's click on another interpreter's channel to the first audible
// frame of that channel's track in Chromium (user-timing marks plenary:interp-select → plenary:interp-audible),
// for both switching strategies: "gate" (every on-air interpreter streams, volume-gated) and "enable"
// (pre-subscribed, only the chosen one forwarded by the SFU).
// Run: npx tsx bench/interpretation-switch.ts   (needs PostgreSQL and Chromium; starts livekit-server and the api)
import type { Page } from "playwright-core";
import { DEMO_PASSWORD, launchChromium, startStack, tmpFile, writeToneWav } from "../e2e/harness.ts";
import { fmt } from "./lib.ts";

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 20);
const wait = (page: Page, fn: () => unknown) => page.waitForFunction(fn, undefined, { timeout: 30_000, polling: 20 });

async function main() {
  const stack = await startStack({ port: 3980, livekitPort: 7980, dbName: "plenary_bench_switch" });
  const browser = await launchChromium(writeToneWav(tmpFile("tone.wav")));
  const login = async (email: string) => {
    const context = await browser.newContext({ baseURL: stack.baseUrl });
    await context.request.post("/api/auth/login", { data: { email, password: DEMO_PASSWORD } });
    return context;
  };
  try {
    const stageContext = await login("stage@demo.plenary.dev");
    const sessionId = (await (await stageContext.request.get("/api/sessions?liveNow=true")).json()).sessions[0].id;
    const stage = await stageContext.newPage();
    await stage.goto(`/sessions/${sessionId}/stage`);
    await stage.getByTestId("stage-go-live").click();
    await wait(stage, () => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state === "live");
    for (const language of ["fr", "es"]) {
      const booth = await (await login(`interpreter-${language}@demo.plenary.dev`)).newPage();
      await booth.goto(`/sessions/${sessionId}/booth`);
      await wait(booth, () => document.querySelector<HTMLElement>('[data-testid="booth-connection"]')?.dataset.state === "connected");
      await booth.getByTestId("booth-take").click();
      await wait(booth, () => document.querySelector<HTMLElement>('[data-testid="onair-light"]')?.dataset.on === "true");
    }

    for (const strategy of ["gate", "enable"] as const) {
      const context = await browser.newContext({ baseURL: stack.baseUrl });
      await context.addInitScript((s) => localStorage.setItem("plenary.interpretation.strategy", s), strategy);
      await context.request.post("/api/auth/register", {
        data: { email: `switch-${strategy}-${Date.now()}@bench.test`, password: "bench password 123", displayName: "Bench", stakeholderGroup: "ACADEMIA_TECHNICAL" },
      });
      const page = await context.newPage();
      await page.goto(`/sessions/${sessionId}`);
      await wait(page, () => document.querySelector<HTMLElement>('[data-testid="channel-es"]')?.dataset.status === "live");
      const times: number[] = [];
      for (let i = 0; i <= SWITCHES; i++) {
        const channel = i % 2 === 0 ? "fr" : "es";
        await page.getByTestId(`channel-${channel}`).click();
        const handle = await page.waitForFunction(
          (c) => {
            const select = performance.getEntriesByName("plenary:interp-select").filter((m) => (m as PerformanceMark).detail?.channel === c).at(-1);
            const audible = performance.getEntriesByName("plenary:interp-audible").filter((m) => (m as PerformanceMark).detail?.channel === c).at(-1);
            return select && audible && audible.startTime >= select.startTime ? audible.startTime - select.startTime : undefined;
          },
          channel,
          { timeout: 30_000, polling: 20 },
        );
        // The first selection also starts the listener's subscriptions; only switches are counted.
        if (i > 0) times.push(Number(await handle.jsonValue()));
      }
      const sorted = [...times].sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
      console.log(`\n${strategy}: click → new channel audible, ${times.length} switches between two live interpreters (Chromium ${browser.version()})`);
      console.log(`each (ms): ${times.map((t) => fmt(t, 0)).join(", ")}`);
      console.log(`median ${fmt(pct(50), 0)} ms, p95 ${fmt(pct(95), 0)} ms, max ${fmt(sorted.at(-1)!, 0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
