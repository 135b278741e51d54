import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, goLiveOnStage, registerNew, until, useLanguage } from "./helpers.ts";

const DESKTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let browser: Browser;
let stage: Awaited<ReturnType<typeof goLiveOnStage>>;
beforeAll(async () => {
  browser = await launchChromium(inject("toneWav"));
  stage = await goLiveOnStage(browser);
}, 120_000);
afterAll(async () => {
  await stage?.stop();
  await browser?.close();
});
const playing = (page: Page) => until(page, () => (document.querySelector<HTMLVideoElement>('video[data-testid="floor-video"]')?.videoWidth ?? 0) > 0, undefined, 60_000);

test("scratch", async () => {
  for (const [size, opts] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    for (const lang of ["en", "ar", "fr", "ru"] as const) {
      const context = await browser.newContext({ baseURL: baseUrl(), ...opts });
      await useLanguage(context, lang);
      await registerNew(context);
      const page = await context.newPage();
      await page.goto(`/sessions/${stage.sessionId}`);
      await playing(page);
      const m = await page.evaluate(() => {
        const r = (s: string) => document.querySelector(s)?.getBoundingClientRect();
        const v = document.querySelector<HTMLInputElement>('[data-testid="player-volume"]');
        return { header: r(".site-header")?.bottom, title: [r('[data-testid="session-title"]')?.top, r('[data-testid="session-title"]')?.bottom], player: r('[data-testid="player"]')?.top, vol: v?.value, dir: v && getComputedStyle(v).direction, pip: document.pictureInPictureEnabled, fs: document.fullscreenEnabled };
      });
      console.log(size, lang, JSON.stringify(m));
      await page.screenshot({ path: `/tmp/p11/${lang}-${size}.png` });
      await context.close();
    }
  }
}, 300_000);
