import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, goLiveOnStage, loginAs, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// The listen-only page end to end: the stage publishes the tone as the floor; the chair makes a
// guest link on the moderator console and the presenter screen shows its QR code; a phone with no account opens that link in
// a browser that blocks sound until a gesture, taps "Tap to start audio", and hears the floor.
let browser: Browser;
let strict: Browser;

beforeAll(async () => {
  [browser, strict] = await Promise.all([launchChromium(inject("toneWav")), launchChromium(undefined, { autoplay: false })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), strict?.close()]);
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * The chair makes a guest link on the moderator console; the venue screen opened on the same
 * computer shows its code, large and without controls. Returns the QR code's URL.
 */
async function guestLinkFromPresenter(sessionId: string): Promise<{ url: string; presenter: Page; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1366, height: 768 } });
  await loginAs(context, "moderator@demo.plenary.dev");
  const presenter = await context.newPage();
  await presenter.goto(`/sessions/${sessionId}/presenter`);
  await presenter.getByTestId("presenter").waitFor();
  // A public screen: no staff control, and no code that would ask the room to sign in.
  expect(await presenter.getByTestId("listen-qr").count()).toBe(0);
  expect(await presenter.getByRole("button").count()).toBe(0);
  const chairConsole = await context.newPage();
  await chairConsole.goto(`/sessions/${sessionId}/moderate`);
  await chairConsole.getByTestId("listen-qr-create").click();
  await chairConsole.locator('[data-testid="listen-qr"][data-guest="true"]').waitFor();
  // The open venue screen picks the link up from the console in the other tab.
  await presenter.locator('[data-testid="listen-qr"][data-guest="true"]').waitFor();
  expect(await presenter.getByRole("button").count()).toBe(0);
  const side = await presenter.getByTestId("listen-qr-code").evaluate((svg) => svg.getBoundingClientRect().width);
  expect(side).toBeGreaterThanOrEqual(200);
  const url = (await presenter.getByTestId("listen-qr-code").getAttribute("data-url"))!;
  expect(await chairConsole.getByTestId("listen-qr-code").getAttribute("data-url")).toBe(url);
  await chairConsole.close();
  return { url, presenter, context };
}

/** The ▶ of "Tap to start audio" is on the same line as the first word of the label, however it wraps. */
const iconWithLabel = (page: Page) =>
  page.getByTestId("listen-start-audio").evaluate((button) => {
    const icon = button.querySelector('[aria-hidden="true"]')!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(button.querySelector(".listen__start-label")!.lastChild!);
    const firstLine = range.getClientRects()[0]!;
    return Math.abs(icon.top + icon.height / 2 - (firstLine.top + firstLine.height / 2)) < firstLine.height / 2;
  });

/** The level of what the page plays, once it has started audio and hears the floor. */
async function hearsTheFloor(page: Page): Promise<number> {
  await until(page, () => {
    const main = document.querySelector<HTMLElement>('[data-testid="listen-page"]');
    return main?.dataset.audioStarted === "true" && main.dataset.hearing === "floor";
  });
  // A sine at half scale has an RMS near 0.35; silence or comfort noise stays under 0.01.
  await until(page, () => Number(document.querySelector<HTMLElement>('[data-testid="listen-level"]')?.dataset.level) > 0.05);
  return Number(await page.getByTestId("listen-level").getAttribute("data-level"));
}

test("a phone with a guest link hears the floor after tapping 'Tap to start audio'", async () => {
  const { sessionId, stage, stop: stopStage } = await goLiveOnStage(browser);
  await stage.getByTestId("listen-qr").waitFor();
  await screenshot(stage, "stage-with-qr-en");
  const { url, presenter, context: chair } = await guestLinkFromPresenter(sessionId);
  expect(url).toMatch(new RegExp(`^${baseUrl()}/listen/${sessionId}#k=[A-Za-z0-9_-]{43}$`));
  await screenshot(presenter, "presenter-with-guest-qr-en");
  await presenter.evaluate(() => localStorage.setItem("plenary.language", "ar"));
  await presenter.reload();
  await presenter.locator('[data-testid="listen-qr"][data-guest="true"]').waitFor();
  await screenshot(presenter, "presenter-with-guest-qr-ar");

  const phone = await strict.newContext({ baseURL: baseUrl(), ...PHONE });
  try {
    // Playwright evaluations carry a user gesture that would unlock sound by itself, so nothing is
    // evaluated in the page until the button shows: a page script reports it through a binding.
    const buttonShown = new Promise<void>((resolve) => void phone.exposeBinding("plenaryStartShown", () => resolve()));
    await phone.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (!document.querySelector('[data-testid="listen-start-audio"]')) return;
        observer.disconnect();
        (window as unknown as { plenaryStartShown(): void }).plenaryStartShown();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await phone.newPage();
    await page.goto(url);
    await buttonShown;
    expect(await page.getByTestId("listen-page").getAttribute("data-audio-started")).toBe("false");
    await page.getByTestId("channel-picker").waitFor();
    await screenshot(page, "listen-phone-before-tap-en");
    await page.getByTestId("listen-start-audio").tap();
    expect(await hearsTheFloor(page)).toBeGreaterThan(0.05);
    await page.getByTestId("listen-start-audio").waitFor({ state: "detached" });
    await screenshot(page, "listen-phone-en");

    // Choosing a booth nobody is on air in: the floor goes on, and the notice says why.
    await page.locator('[data-channel="fr"] input').check();
    await until(page, () => document.querySelector('[data-testid="listen-notice"]')?.textContent?.includes("paused"));
    // The channel says what a listener gets, in words, not "Paused: floor".
    expect(await page.locator('[data-channel="fr"] .channel-picker__status').textContent()).toBe("Paused — you hear the floor");
    expect(await hearsTheFloor(page)).toBeGreaterThan(0.05);
    await screenshot(page, "listen-phone-paused-en");
  } finally {
    await phone.close();
    await chair.close();
    await stopStage();
  }
});

test.each([
  ["ar", "phone", "guest"],
  ["ar", "desktop", "guest"],
  ["en", "desktop", "signed-in"],
  ["ru", "phone", "signed-in"],
] as const)("the listen page in %s on a %s, as a %s", async (lang, device, who) => {
  const { sessionId, stop: stopStage } = await goLiveOnStage(browser);
  const guest = who === "guest" ? await guestLinkFromPresenter(sessionId) : undefined;
  const context = await browser.newContext({ baseURL: baseUrl(), ...(device === "phone" ? PHONE : { viewport: { width: 1280, height: 800 } }) });
  try {
    await useLanguage(context, lang);
    if (!guest) await registerNew(context);
    const page = await context.newPage();
    await page.goto(guest?.url ?? `/listen/${sessionId}`);
    await page.getByTestId("listen-start-audio").waitFor();
    expect(await iconWithLabel(page)).toBe(true);
    await screenshot(page, `listen-${device}-${lang}-before-tap`);
    await page.getByTestId("listen-start-audio").click();
    await hearsTheFloor(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === "ar" ? "rtl" : "ltr");
    await screenshot(page, `listen-${device}-${lang}`);
  } finally {
    await context.close();
    await guest?.context.close();
    await stopStage();
  }
});
