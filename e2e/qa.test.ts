import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, liveSessionId, loginAs, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// Live Q&A in headless Chromium on the whole stack: an attendee asks, the moderator approves and
// puts it on screen from the console (keyboard shortcuts), a second attendee (Arabic interface)
// sees it and upvotes it, and the presenter screen, opened from a moderator-issued link by a
// browser that is not signed in, shows it with its vote.
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
});

async function newPage(lang: "en" | "ar", signIn: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 1000 } });
  contexts.push(context);
  await useLanguage(context, lang);
  await signIn(context);
  return context.newPage();
}

const QUESTION = "How will the WSIS action lines address AI governance in least developed countries?";
const MIXED = "ما هو موقف ITU من تنظيم AI في المنطقة العربية؟";
const MARKUP = `<b>Bold?</b> <img src=x onerror="document.title='pwned'"> & friends`;

test("ask → approve → on screen → seen and upvoted by another attendee → shown on the presenter screen", async () => {
  const moderator = await newPage("en", (c) => loginAs(c, "moderator@demo.plenary.dev"));
  const sessionId = await liveSessionId(moderator.context());
  await moderator.goto(`/sessions/${sessionId}/moderate`);
  await moderator.getByTestId("qa-filter-PENDING").waitFor();

  // 1. An attendee asks; the question waits for review (the opening ceremony is moderated).
  const asker = await newPage("en", (c) => registerNew(c, "Amina Okafor"));
  await asker.goto(`/sessions/${sessionId}`);
  await asker.getByTestId("qa-ask-text").fill(QUESTION);
  await asker.getByTestId("qa-ask-submit").click();
  await until(asker, () => document.querySelector('[data-testid="qa-my-status"]')?.textContent === "Pending review");

  // 2. The moderator approves it and puts it on screen with the keyboard: A, then H.
  const item = moderator.getByTestId("qa-console-item").filter({ hasText: QUESTION });
  await item.waitFor();
  await expect(item.textContent()).resolves.toContain("Asked by Amina Okafor");
  await item.click();
  await moderator.keyboard.press("a");
  await moderator.getByTestId("qa-filter-PUBLISHED").click();
  await item.waitFor();
  await item.click();
  await moderator.keyboard.press("h");
  await until(moderator, () => !!document.querySelector('[data-testid="qa-console-item"] [data-action="unhighlight"]'));

  // The asker sees it published and on screen now.
  await until(asker, () => document.querySelector('[data-testid="qa-my-status"]')?.textContent === "Published");
  await until(asker, (q) => document.querySelector('[data-testid="qa-on-screen"]')?.textContent?.includes(q), QUESTION);

  // 3. A second attendee, in Arabic, sees it and upvotes it; they also ask a mixed Arabic/English question.
  const second = await newPage("ar", (c) => registerNew(c, "مشاركة عن بعد"));
  await second.goto(`/sessions/${sessionId}`);
  const listed = second.getByTestId("qa-question").filter({ hasText: QUESTION });
  await listed.waitFor();
  await listed.getByTestId("qa-vote").click();
  await until(second, (q) => {
    const row = [...document.querySelectorAll('[data-testid="qa-question"]')].find((el) => el.textContent?.includes(q));
    return row?.querySelector('[data-testid="qa-vote"]')?.getAttribute("aria-pressed") === "true" && row.querySelector('[data-testid="qa-vote-count"]')?.textContent === "1";
  }, QUESTION);
  await second.getByTestId("qa-ask-text").fill(MIXED);
  await second.getByTestId("qa-ask-submit").click();
  await until(second, () => document.querySelector('[data-testid="qa-my-status"]')?.textContent === "قيد المراجعة");
  expect(await second.evaluate(() => document.documentElement.dir)).toBe("rtl");
  // Markup in a question is shown as text, never interpreted.
  await second.getByTestId("qa-ask-text").fill(MARKUP);
  await second.getByTestId("qa-ask-submit").click();
  await until(second, (m) => document.querySelector('[data-testid="qa-mine"]')?.textContent?.includes(m), MARKUP);
  expect(await second.evaluate(() => document.querySelectorAll('[data-testid="qa-mine"] b, [data-testid="qa-mine"] img').length)).toBe(0);
  // The asker's own question cannot be upvoted by the asker.
  expect(await asker.getByTestId("qa-question").filter({ hasText: QUESTION }).getByTestId("qa-vote").isDisabled()).toBe(true);

  // 4. The presenter screen, from a moderator-issued link, in a browser that is not signed in.
  await moderator.getByTestId("qa-presenter-issue").click();
  const link = await moderator.getByTestId("qa-presenter-url").inputValue();
  expect(link).toMatch(/\/presenter#token=/);
  const venue = await newPage("en", async () => undefined);
  await venue.goto(link);
  await until(venue, (q) => document.querySelector('[data-testid="presenter-question"]')?.textContent?.includes(q), QUESTION);
  await until(venue, () => document.querySelector('[data-testid="presenter-votes"]')?.textContent?.startsWith("1"));

  // Screenshots in English and Arabic, for a person to look at.
  await screenshot(asker, "qa-session-en");
  await screenshot(moderator, "qa-console-en");
  await screenshot(venue, "qa-presenter-en");
  await screenshot(second, "qa-session-ar");
  const arModerator = await newPage("ar", (c) => loginAs(c, "moderator@demo.plenary.dev"));
  await arModerator.goto(`/sessions/${sessionId}/moderate`);
  await arModerator.getByTestId("qa-console-item").filter({ hasText: MIXED }).waitFor();
  await screenshot(arModerator, "qa-console-ar");
  const arVenue = await newPage("ar", async () => undefined);
  await arVenue.goto(link);
  await until(arVenue, (q) => document.querySelector('[data-testid="presenter-question"]')?.textContent?.includes(q), QUESTION);
  await screenshot(arVenue, "qa-presenter-ar");

  // The console and the presenter screen meet WCAG 2.1 AA (axe-core), in both reading directions.
  for (const page of [moderator, arModerator, venue, arVenue]) {
    const results = await new AxeBuilder({ page } as never).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }

  // Taking it off screen empties the venue display live.
  await moderator.getByTestId("qa-filter-PUBLISHED").click();
  await moderator.getByTestId("qa-console-item").filter({ hasText: QUESTION }).locator('[data-action="answer"]').click();
  await until(venue, () => !document.querySelector('[data-testid="presenter-question"]'));
});
