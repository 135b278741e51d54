import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, liveSessionId, loginAs, registerNew, useLanguage } from "./helpers.ts";

// axe-core's WCAG 2.2 A/AA rules on every page, for every role that has one, in all six interface
// languages, on a desktop and on a phone. One context per role and language keeps it to one
// sign-in each; every page is then checked in turn.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const LANGUAGES = ["en", "ar", "zh", "fr", "ru", "es"] as const;
const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/** Who signs in, and the pages they see (`:id` is the live session). */
const ROLES: [string, (ctx: BrowserContext) => Promise<void>, string[]][] = [
  ["visitor", async () => undefined, ["/", "/login", "/register"]],
  ["attendee", async (ctx) => void (await registerNew(ctx)), ["/sessions/:id", "/listen/:id", "/profile"]],
  ["organiser", (ctx) => loginAs(ctx, "organiser@demo.plenary.dev"), ["/organiser", "/organiser/sessions/:id"]],
  ["moderator", (ctx) => loginAs(ctx, "moderator@demo.plenary.dev"), ["/sessions/:id/moderate", "/sessions/:id/presenter"]],
  ["stage", (ctx) => loginAs(ctx, "stage@demo.plenary.dev"), ["/sessions/:id/stage"]],
  ["interpreter", (ctx) => loginAs(ctx, "interpreter-fr@demo.plenary.dev"), ["/sessions/:id/booth"]],
  ["speaker", (ctx) => loginAs(ctx, "speaker@demo.plenary.dev"), ["/sessions/:id/speak"]],
];

const cases = LANGUAGES.flatMap((lang) => (Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]).map((viewport) => [lang, viewport] as const));

/** Runs `jobs` with at most `lanes` at once, in order of start. */
async function inLanes<T>(lanes: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < jobs.length; i = next++) results[i] = await jobs[i]!();
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

/** One role's pages in one language and viewport: the violations found, and a picture of each page. */
async function checkRole(lang: (typeof LANGUAGES)[number], viewport: keyof typeof VIEWPORTS, [role, signIn, paths]: (typeof ROLES)[number]): Promise<string[]> {
  const violations: string[] = [];
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: VIEWPORTS[viewport] });
  await useLanguage(context, lang);
  await signIn(context);
  const sessionId = await liveSessionId(context);
  const page = await context.newPage();
  for (const pagePath of paths) {
    await page.goto(pagePath.replace(":id", sessionId));
    await page.locator("main").waitFor();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const results = await new AxeBuilder({ page } as never).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    // The same visit leaves a picture of every page in every language and viewport to look at.
    await page.screenshot({ path: path.join(inject("screenshotDir"), `page-${lang}-${viewport}-${role}${pagePath === "/" ? "-agenda" : pagePath.replace("/:id", "").replace(/\//g, "-")}.png`) });
    for (const v of results.violations) violations.push(`${lang} ${viewport} ${role} ${pagePath}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  await context.close();
  return violations;
}

// Every (language, viewport, role) is independent (a context each), so several are checked at once
// from one queue, and no lane idles at the end of a language. Six keep both cores busy; more only
// thrash (measured: 4 min either way at 8, against 4.4 min at two roles a time per language).
const LANES = 6;

test("every page, every role, in all six languages on a desktop and a phone: no WCAG 2.2 AA violation", async () => {
  const jobs = cases.flatMap(([lang, viewport]) => ROLES.map((role) => () => checkRole(lang, viewport, role)));
  const found = await inLanes(LANES, jobs);
  expect(found.flat()).toEqual([]);
}, 900_000);
