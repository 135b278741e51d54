import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inject } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, goLiveOnStage, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// The foundation end to end, on real parts: the stage page publishes Chromium's fake camera and a
// generated 440 Hz tone as the desk feed through a real livekit-server; a newly registered
// attendee opens the session page and must receive the floor's video and audible audio.
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject("toneWav"));
});
afterAll(async () => {
  await browser?.close();
});

test("an attendee sees and hears the floor the stage publishes", async () => {
  const { sessionId, stop: stopStage } = await goLiveOnStage(browser);

  const attendeeContext = await browser.newContext({ baseURL: baseUrl() });
  await registerNew(attendeeContext);
  const attendee = await attendeeContext.newPage();
  await attendee.goto(`/sessions/${sessionId}`);
  await until(attendee, () => document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state === "connected");

  // Video: the floor element is playing real frames.
  await until(attendee, () => {
    const v = document.querySelector<HTMLVideoElement>('video[data-testid="floor-video"]');
    return !!v && v.videoWidth > 0 && v.readyState >= 2;
  });

  // Audio: the AnalyserNode behind the meter hears the tone, not silence.
  const startAudio = attendee.getByTestId("start-audio");
  if (await startAudio.isVisible().catch(() => false)) await startAudio.click();
  await until(attendee, () => document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.firstAudioMs !== undefined);
  // A sine at half scale has an RMS near 0.35; silence or comfort noise stays under 0.01.
  await until(attendee, () => Number(document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.level) > 0.05);
  expect(Number(await attendee.getByTestId("floor-audio-level").getAttribute("data-level"))).toBeGreaterThan(0.05);

  // LiveKit's signed webhooks reached the api and were recorded as attendance.
  const db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  try {
    const joined = async () =>
      (await db.query(`SELECT count(DISTINCT identity)::int AS n FROM "Attendance" WHERE "sessionId" = $1 AND kind = 'JOINED'`, [sessionId])).rows[0].n;
    await expect.poll(joined, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(2);
  } finally {
    await db.end();
  }

  await screenshot(attendee, "session-en");
  const arContext = await browser.newContext({ baseURL: baseUrl() });
  await useLanguage(arContext, "ar");
  await registerNew(arContext, "مشارك عن بعد");
  const arPage = await arContext.newPage();
  await arPage.goto(`/sessions/${sessionId}`);
  await until(arPage, () => document.documentElement.dir === "rtl" && document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state === "connected");
  await until(arPage, () => (document.querySelector<HTMLVideoElement>('video[data-testid="floor-video"]')?.videoWidth ?? 0) > 0);
  await screenshot(arPage, "session-ar");

  // The floor request is in the interface language when the session offers it, whatever the
  // profile says (a new account's is English) and whichever the session lists first.
  const frContext = await browser.newContext({ baseURL: baseUrl() });
  await useLanguage(frContext, "fr");
  await registerNew(frContext, "Participante à distance");
  const frPage = await frContext.newPage();
  await frPage.goto(`/sessions/${sessionId}`);
  for (const [page, lang] of [[arPage, "ar"], [frPage, "fr"]] as const) {
    await page.getByTestId("floor-language").waitFor();
    expect(await page.getByTestId("floor-language").inputValue()).toBe(lang);
  }

  await stopStage();
  await Promise.all([attendeeContext.close(), arContext.close(), frContext.close()]);
});

test.each(["en", "ar"] as const)("the agenda renders in %s", async (lang) => {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 900 } });
  await useLanguage(context, lang);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("tablist").waitFor();
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === "ar" ? "rtl" : "ltr"]);
  await expect(page.locator("h1").first().textContent()).resolves.toContain("WSIS+20");
  // Pages may connect to their own origin and the LiveKit server only (the floor test connects under it).
  const csp = (await context.request.get("/")).headers()["content-security-policy"];
  expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ http:\/\/127\.0\.0\.1:\d+;/);
  await screenshot(page, `agenda-${lang}`);
  await context.close();
});

test("when the browser blocks autoplay, one click on 'Unmute audio' starts the floor", async () => {
  const { sessionId, stop: stopStage } = await goLiveOnStage(browser);

  const strict = await launchChromium(undefined, { autoplay: false });
  try {
    const context = await strict.newContext({ baseURL: baseUrl() });
    await registerNew(context);
    // Every Playwright evaluation (waitForFunction, locators) runs with a user gesture, which would
    // unlock sound by itself. So nothing is evaluated until the button shows: a script in the page
    // watches for it and calls back through a binding.
    const unmuteShown = new Promise<void>((resolve) => void context.exposeBinding("plenaryUnmuteShown", () => resolve()));
    await context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (!document.querySelector('[data-testid="start-audio"]')) return;
        observer.disconnect();
        (window as unknown as { plenaryUnmuteShown(): void }).plenaryUnmuteShown();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`/sessions/${sessionId}`);
    await unmuteShown;
    const unmute = page.getByTestId("start-audio");
    expect(await page.getByTestId("connection-state").getAttribute("data-state")).toBe("connected");
    await screenshot(page, "session-audio-blocked-en");
    await unmute.click();
    await unmute.waitFor({ state: "detached" });
    // The floor's audio element now plays, and the meter hears the tone.
    await until(page, () => [...document.querySelectorAll("audio")].some((a) => !a.paused && a.srcObject !== null && !a.muted));
    await until(page, () => Number(document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.level) > 0.05);
    await context.close();
  } finally {
    await strict.close();
    await stopStage();
  }
});

// The page's first script asks for the attendee's token before the app has loaded; its refusals
// must still reach the page as the right panel once the app reads them against the contract.
test("a session page opened without the right to join explains why, from the early token answer", async () => {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  const { sessions } = await (await context.request.get("/api/sessions")).json();
  const live = sessions.find((s: { status: string }) => s.status === "LIVE");
  const scheduled = sessions.find((s: { status: string }) => s.status === "SCHEDULED");

  const tokenAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/sessions/${live.id}/token`));
  await page.goto(`/sessions/${live.id}`);
  expect((await tokenAnswer).status()).toBe(401);
  const blockedTitle = page.getByTestId("join-blocked").locator(".notice__title");
  expect(await blockedTitle.textContent()).toBe("Sign in to join");

  await registerNew(context);
  await page.goto(`/sessions/${scheduled.id}`);
  expect(await blockedTitle.textContent()).toBe("This session has not started yet");

  await page.goto("/sessions/no-such-session");
  expect(await page.locator(".notice__title").textContent()).toBe("Session not found");
  await context.close();
});
