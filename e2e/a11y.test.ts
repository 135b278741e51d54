import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, liveSessionId, loginAs, registerNew, useLanguage } from "./helpers.ts";

// axe-core's WCAG 2.1 A/AA rules on the main pages, in both reading directions.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const pages: [string, (ctx: import("playwright-core").BrowserContext) => Promise<string>][] = [
  ["agenda", async () => "/"],
  ["login", async () => "/login"],
  ["register", async () => "/register"],
  ["session", async (ctx) => (await registerNew(ctx), `/sessions/${await liveSessionId(ctx)}`)],
  ["listen", async (ctx) => (await registerNew(ctx), `/listen/${await liveSessionId(ctx)}`)],
  ["organiser", async (ctx) => (await loginAs(ctx, "organiser@demo.plenary.dev"), "/organiser")],
];

test.each(pages.flatMap(([name, path]) => (["en", "ar"] as const).map((lang) => [name, lang, path] as const)))(
  "%s page in %s has no serious accessibility violations",
  async (_name, lang, path) => {
    const context = await browser.newContext({ baseURL: baseUrl() });
    await useLanguage(context, lang);
    const page = await context.newPage();
    await page.goto(await path(context));
    await page.locator("main").waitFor();
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page } as never).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  },
);
