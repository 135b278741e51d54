import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { LTR_SLIDER, MIRRORED_SLIDER, baseUrl, goLiveOnStage, loginAs, probeSlider, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// Interpretation end to end, on real parts: the stage publishes the floor, the French interpreter
// opens the booth console in Chromium and takes the channel (its fake microphone plays the tone),
// and a listener's channel picker shows French live, plays it, and shows "paused" on release.
let browser: Browser;
let floor: Awaited<ReturnType<typeof goLiveOnStage>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium(inject("toneWav"));
  floor = await goLiveOnStage(browser);
});
afterAll(async () => {
  await floor?.stop();
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

async function context(options: { lang?: "en" | "ar"; viewport?: { width: number; height: number } } = {}) {
  const ctx = await browser.newContext({ baseURL: baseUrl(), viewport: options.viewport ?? DESKTOP });
  contexts.push(ctx);
  if (options.lang) await useLanguage(ctx, options.lang);
  return ctx;
}

async function openBooth(language: string, options: Parameters<typeof context>[0] = {}): Promise<Page> {
  const ctx = await context(options);
  await loginAs(ctx, `interpreter-${language}@demo.plenary.dev`);
  const page = await ctx.newPage();
  return page;
}

const dataOf = (page: Page, testId: string, key: string) =>
  page.evaluate(([id, k]) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.dataset[k!], [testId, key] as const);

test("a listener picks the French channel live, hears it, and is told when the interpreter releases it", async () => {
  const { sessionId, stage } = floor;

  const booth = await openBooth("fr");
  await booth.goto(`/sessions/${sessionId}/booth`);
  await until(booth, () => document.querySelector<HTMLElement>('[data-testid="booth-connection"]')?.dataset.state === "connected");
  await booth.getByTestId("booth-take").click();
  await until(booth, () => document.querySelector<HTMLElement>('[data-testid="onair-light"]')?.dataset.on === "true");

  const listenerContext = await context();
  // Choosing the strategy explicitly turns on the page's switch timing marks, which tell us it heard the voice.
  await listenerContext.addInitScript(() => localStorage.setItem("plenary.interpretation.strategy", "gate"));
  await registerNew(listenerContext);
  const listener = await listenerContext.newPage();
  await listener.goto(`/sessions/${sessionId}`);
  await until(listener, () => document.querySelector<HTMLElement>('[data-testid="channel-fr"]')?.dataset.status === "live");
  expect(await listener.getByTestId("channel-fr").textContent()).toContain("Français");
  await listener.getByTestId("channel-fr").click();
  await until(listener, () => {
    const section = document.querySelector<HTMLElement>('[data-testid="listener-channels"]');
    return section?.dataset.channel === "fr" && section.dataset.status === "live";
  });
  // The interpreter's voice (the tone from the booth's microphone) reached the listener's chosen channel.
  await until(listener, () => performance.getEntriesByName("plenary:interp-audible").some((m) => (m as PerformanceMark).detail?.channel === "fr"));
  // The booth counts its audience.
  await until(booth, () => Number(document.querySelector<HTMLElement>('[data-testid="booth-audience"]')?.dataset.count) >= 1);

  // Switch to the floor and back: the choice is kept in storage for the next session.
  await listener.getByTestId("channel-floor").click();
  await until(listener, () => document.querySelector<HTMLElement>('[data-testid="listener-channels"]')?.dataset.channel === "floor");
  await listener.getByTestId("channel-fr").click();
  await until(listener, () => document.querySelector<HTMLElement>('[data-testid="listener-channels"]')?.dataset.channel === "fr");
  expect(await listener.evaluate(() => JSON.parse(localStorage.getItem("plenary.interpretation") ?? "null"))).toEqual({ channel: "fr", floorLevel: 20 });
  await screenshot(listener, "interp-session-live-en");

  await booth.getByTestId("booth-release").click();
  await until(listener, () => document.querySelector<HTMLElement>('[data-testid="listener-channels"]')?.dataset.status === "paused");
  expect(await dataOf(listener, "channel-fr", "status")).toBe("paused");
  expect(await listener.getByTestId("interpretation-paused").isVisible()).toBe(true);
  expect(await listener.getByTestId("interpretation-announcement").textContent()).toBe("Interpretation paused");
  await screenshot(listener, "interp-session-paused-en");

  // The chair's floor-language selector and the booth's slow-down reach the stage at once.
  const stageSees = until(stage, () => document.querySelector('[data-testid="slow-down-alert"]')?.textContent?.includes("French"));
  await booth.getByTestId("booth-slow-down").click();
  await stageSees;
  await booth.getByTestId("booth-take").click();
  await until(booth, () => document.querySelector<HTMLElement>('[data-testid="onair-light"]')?.dataset.on === "true");
  await until(listener, () => document.querySelector<HTMLElement>('[data-testid="listener-channels"]')?.dataset.status === "live");
  expect(await listener.getByTestId("interpretation-announcement").textContent()).toBe("Interpretation resumed");

  const results = await new AxeBuilder({ page: booth } as never).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await screenshot(booth, "interp-booth-onair-en");
  await screenshot(stage, "interp-stage-slowdown-en");
  await booth.getByTestId("booth-release").click();
  await until(booth, () => document.querySelector<HTMLElement>('[data-testid="onair-light"]')?.dataset.on === "false");
  await Promise.all([booth.context().close(), listenerContext.close()]);
}, 240_000);

test("the booth console and the channel picker in English and Arabic, on desktop and phone", async () => {
  const { sessionId } = floor;
  const french = await openBooth("fr");
  await french.goto(`/sessions/${sessionId}/booth`);
  await until(french, () => document.querySelector<HTMLElement>('[data-testid="booth-connection"]')?.dataset.state === "connected");
  // Put French on air unless it still is (the server keeps booth state across pages).
  if (await french.getByTestId("booth-take").isVisible()) await french.getByTestId("booth-take").click();
  await until(french, () => document.querySelector<HTMLElement>('[data-testid="onair-light"]')?.dataset.on === "true");

  // Screenshots in both languages on desktop and phone: the booth, and the session page with its picker.
  for (const lang of ["en", "ar"] as const) {
    for (const [size, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
      const boothPage = await openBooth(lang === "ar" ? "ar" : "es", { lang, viewport });
      await boothPage.goto(`/sessions/${sessionId}/booth`);
      await until(boothPage, () => document.querySelector<HTMLElement>('[data-testid="booth-connection"]')?.dataset.state === "connected");
      await screenshot(boothPage, `interp-booth-${lang}-${size}`);
      // Every slider runs with the script: mirrored in Arabic, its thumb where its value says.
      const slider = lang === "ar" ? MIRRORED_SLIDER : LTR_SLIDER;
      expect(await probeSlider(boothPage, boothPage.getByTestId("booth-source-volume"))).toEqual(slider);
      await boothPage.context().close();

      const listenContext = await context({ lang, viewport });
      await registerNew(listenContext);
      const page = await listenContext.newPage();
      await page.goto(`/sessions/${sessionId}`);
      await page.getByTestId("channel-fr").click();
      await until(page, () => document.querySelector<HTMLElement>('[data-testid="listener-channels"]')?.dataset.status === "live");
      await screenshot(page, `interp-session-${lang}-${size}`);
      expect(await probeSlider(page, page.getByTestId("floor-level"))).toEqual(slider);
      await listenContext.close();

      // The French interpreter, on air, on their own session page: French plays the floor, with a note why.
      const own = await openBooth("fr", { lang, viewport });
      await own.goto(`/sessions/${sessionId}`);
      await own.getByTestId("channel-fr").click();
      await own.getByTestId("interpretation-own-channel").waitFor();
      await screenshot(own, `interp-own-channel-${lang}-${size}`);
      await own.context().close();
    }
  }
}, 300_000);
