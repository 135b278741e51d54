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

test.each(cases)("every page, every role, in %s on a %s: no WCAG 2.2 AA violation", async (lang, viewport) => {
  // Roles are independent (a context each), so two are checked at once: much of a page's time is
  // waiting for the network to go idle, which the other lane uses.
  const found = await inLanes(
    2,
    ROLES.map(([role, signIn, paths]) => async () => {
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
        for (const v of results.violations) violations.push(`${role} ${pagePath}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
      await context.close();
      return violations;
    }),
  );
  expect(found.flat()).toEqual([]);
});
