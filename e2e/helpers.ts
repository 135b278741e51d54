import path from "node:path";
import type { UI_LANGUAGES } from "@plenary/shared";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "./harness.ts";

export const baseUrl = () => inject("e2eBaseUrl");

/**
 * Signs a browser context in as a demo account through the real login endpoint (the cookie lands
 * in the context). `base` is the stack's address (another one for the cluster test).
 */
export async function loginAs(context: BrowserContext, email: string, base = baseUrl()): Promise<void> {
  const res = await context.request.post(`${base}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  if (res.status() !== 200) throw new Error(`login as ${email} failed: ${res.status()} ${await res.text()}`);
}

let registered = 0;
/** Registers a brand-new participant in the context, as the registration page would. */
export async function registerNew(context: BrowserContext, displayName = "Remote Participant", base = baseUrl()): Promise<string> {
  const email = `e2e-${process.pid}-${Date.now()}-${++registered}@example.org`;
  const res = await context.request.post(`${base}/api/auth/register`, {
    data: { email, password: "a long enough password", displayName, stakeholderGroup: "CIVIL_SOCIETY", preferredLanguage: "en" },
  });
  if (res.status() !== 201) throw new Error(`register failed: ${res.status()} ${await res.text()}`);
  return email;
}

/** Sets the interface language before any page script runs (what the header switcher stores). */
export async function useLanguage(context: BrowserContext, lang: (typeof UI_LANGUAGES)[number]): Promise<void> {
  await context.addInitScript((l) => localStorage.setItem("plenary.language", l), lang);
}

/** The live session in the demo seed (the opening ceremony). */
export async function liveSessionId(context: BrowserContext, base = baseUrl()): Promise<string> {
  const res = await context.request.get(`${base}/api/sessions?liveNow=true`);
  const body = await res.json();
  return body.sessions[0].id;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(inject("screenshotDir"), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Polls a page-side condition until it holds. A function, not a string: the app's CSP forbids eval,
 * and functions are run by the DevTools protocol instead.
 */
export const until = <A,>(page: Page, fn: (arg: A) => unknown, arg?: A, timeout = 30_000) =>
  page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout, polling: 100 });


/** What a slider's value became after each step of {@link probeSlider}. */
export interface SliderProbe {
  middle: string;
  ArrowRight: string;
  Home: string;
  End: string;
  leftEnd: string;
  rightEnd: string;
}

/**
 * Works a range input as a person would, to see which way it runs and that the thumb stands where
 * its value says: a click in its middle, then ArrowRight, Home and End, then a click near each
 * end, where the thumb is drawn for the value that end stands for. Mirrored (right to left),
 * ArrowRight lowers the value and the left end is the maximum.
 */
export async function probeSlider(page: Page, slider: Locator): Promise<SliderProbe> {
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error("the slider is not visible");
  const clickAt = async (x: number) => {
    await page.mouse.click(x, box.y + box.height / 2);
    return slider.inputValue();
  };
  const press = async (key: string) => {
    await page.keyboard.press(key);
    return slider.inputValue();
  };
  const middle = await clickAt(box.x + box.width / 2);
  const ArrowRight = await press("ArrowRight");
  const Home = await press("Home");
  const End = await press("End");
  return { middle, ArrowRight, Home, End, leftEnd: await clickAt(box.x + 2), rightEnd: await clickAt(box.x + box.width - 2) };
}

/** A 0–100 slider in steps of 5 in a right-to-left script, as {@link probeSlider} finds it: mirrored, the minimum at the right. */
export const MIRRORED_SLIDER: SliderProbe = { middle: "50", ArrowRight: "45", Home: "0", End: "100", leftEnd: "100", rightEnd: "0" };
/** The same slider in a left-to-right script. */
export const LTR_SLIDER: SliderProbe = { middle: "50", ArrowRight: "55", Home: "0", End: "100", leftEnd: "0", rightEnd: "100" };

/** The demo stage operator's page, live: publishing Chromium's fake camera and the tone as the floor. */
export async function goLiveOnStage(browser: Browser, base = baseUrl()): Promise<{ sessionId: string; stage: Page; stop(): Promise<void> }> {
  const context = await browser.newContext({ baseURL: base });
  await loginAs(context, "stage@demo.plenary.dev", base);
  const sessionId = await liveSessionId(context, base);
  const stage = await context.newPage();
  await stage.goto(`/sessions/${sessionId}/stage`);
  await stage.getByTestId("stage-go-live").click();
  await until(stage, () => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state === "live");
  return {
    sessionId,
    stage,
    async stop() {
      await stage.getByTestId("stage-stop").click();
      await stage.getByTestId("stage-stop-dialog-confirm").click();
      await until(stage, () => ["idle", "previewing"].includes(document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state ?? ""));
      await context.close();
    },
  };
}
