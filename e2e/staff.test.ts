import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "./harness.ts";
import { baseUrl, liveSessionId, loginAs, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// Staff find their consoles, and the pages they use fit a phone: ways in from the agenda and the
// session page, the role chooser, confirmations before ending a session or stopping the stage,
// invitations read before accepting, signing out and in, the header, day tabs and organiser cards.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;
type Viewport = (typeof VIEWPORTS)[number][1];

/** A browser context in a language and viewport, signed in as `email` when given. */
async function open(options: { lang?: "en" | "ar"; viewport?: Viewport; email?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), ...(options.viewport ?? DESKTOP) });
  await useLanguage(context, options.lang ?? "en");
  if (options.email) await loginAs(context, options.email);
  return { context, page: await context.newPage() };
}

/** Calls the api as the demo organiser. */
async function asOrganiser<T = unknown>(method: "post" | "get", path: string, data?: unknown): Promise<T> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  try {
    await loginAs(context, "organiser@demo.plenary.dev");
    const res = await context.request[method](`/api${path}`, { data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  } finally {
    await context.close();
  }
}

let created = 0;
/** A session of its own on the event's last day, so ending it leaves the shared live session alone. */
async function newSession(status: "SCHEDULED" | "LIVE" = "SCHEDULED"): Promise<{ id: string; title: string }> {
  const title = `Staff test session ${process.pid}-${++created}`;
  const session = await asOrganiser<{ id: string }>("post", "/sessions", {
    title,
    type: "WORKSHOP",
    room: "Room S",
    startsAt: "2024-05-31T16:00:00+02:00",
    endsAt: "2024-05-31T17:00:00+02:00",
    languages: ["en", "ar"],
  });
  if (status === "LIVE") await asOrganiser("post", `/sessions/${session.id}/status`, { status: "LIVE" });
  return { id: session.id, title };
}

/** Serious and critical axe-core findings (WCAG 2.x A/AA) on the page as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page } as never).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("staff reach their consoles", () => {
  test.each(VIEWPORTS)("a stage operator reaches the stage console from the agenda and from the session page (%s)", async (_name, viewport) => {
    const { context, page } = await open({ viewport, email: "stage@demo.plenary.dev" });
    const sessionId = await liveSessionId(context);
    await page.goto("/");
    const card = page.locator("article", { has: page.locator(`a[href="/sessions/${sessionId}"]`) }).first();
    await card.getByTestId("console-stage").click();
    await page.waitForURL(`**/sessions/${sessionId}/stage`);
    await page.getByRole("heading", { level: 1, name: "Stage console" }).waitFor();

    await page.goto(`/sessions/${sessionId}`);
    const consoles = page.getByTestId("staff-consoles");
    await consoles.waitFor();
    expect(await consoles.getByRole("link").allTextContents()).toEqual(["Stage console"]);
    await consoles.getByTestId("console-stage").click();
    await page.waitForURL(`**/sessions/${sessionId}/stage`);

    // Joined as the stage (`?as=stage`), the details carry no console link of their own: one way in.
    await page.goto(`/sessions/${sessionId}?as=stage`);
    await page.getByTestId("session-info").waitFor({ state: "attached" });
    expect(await page.locator(`a[href="/sessions/${sessionId}/stage"]`).count()).toBe(1);
    await context.close();
  });

  test("a participant sees no consoles", async () => {
    const { context, page } = await open();
    await registerNew(context);
    const sessionId = await liveSessionId(context);
    await page.goto(`/sessions/${sessionId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByTestId("staff-consoles").count()).toBe(0);
    await page.goto("/");
    await page.getByRole("link", { name: "Join" }).first().waitFor();
    expect(await page.locator('[data-testid^="console-"]').count()).toBe(0);
    await context.close();
  });

  test("a person with several roles chooses among them, by pointer and by keyboard", async () => {
    const { context, page } = await open();
    const email = await registerNew(context, "Multi Role");
    const sessionId = await liveSessionId(context);
    for (const role of ["STAGE", "MODERATOR", "SPEAKER"]) await asOrganiser("post", `/sessions/${sessionId}/roles`, { email, role });

    await page.goto("/");
    const card = page.locator("article", { has: page.locator(`a[href="/sessions/${sessionId}"]`) }).first();
    const chooser = card.getByTestId("console-chooser");
    expect(await chooser.getAttribute("aria-expanded")).toBe("false");
    await chooser.click();
    expect(await chooser.getAttribute("aria-expanded")).toBe("true");
    const menu = card.locator(".console-chooser__menu");
    expect(await menu.getByRole("link").allTextContents()).toEqual(["Moderator console", "Stage console", "Speaker view"]);
    expect(await menu.getByRole("link", { name: "Speaker view" }).getAttribute("href")).toBe(`/sessions/${sessionId}/speak`);

    // Escape closes it and gives focus back to the button; Tab moves into the list when open.
    await page.keyboard.press("Escape");
    expect(await menu.isHidden()).toBe(true);
    expect(await chooser.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Moderator console");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/sessions/${sessionId}/stage`);

    await page.goto(`/sessions/${sessionId}`);
    await page.getByTestId("staff-consoles").waitFor();
    expect(await page.getByTestId("staff-consoles").getByRole("link").allTextContents()).toEqual(["Moderator console", "Stage console", "Speaker view"]);
    await context.close();
  });

  test("the session editor links to the session page and its consoles", async () => {
    const { context, page } = await open({ email: "organiser@demo.plenary.dev" });
    const sessionId = await liveSessionId(context);
    await page.goto(`/organiser/sessions/${sessionId}`);
    const hrefs = await Promise.all(["editor-link-session", "editor-link-stage", "editor-link-moderate"].map((id) => page.getByTestId(id).getAttribute("href")));
    expect(hrefs).toEqual([`/sessions/${sessionId}`, `/sessions/${sessionId}/stage`, `/sessions/${sessionId}/moderate`]);
    await page.getByTestId("editor-link-moderate").click();
    await page.waitForURL(`**/sessions/${sessionId}/moderate`);
    await context.close();
  });

  test("the stage console for an unknown session says the session is not found", async () => {
    const { context, page } = await open({ email: "stage@demo.plenary.dev" });
    await page.goto("/sessions/00000000-0000-4000-8000-000000000000/stage");
    const notice = page.getByTestId("stage-session-missing");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Session not found");
    expect(await page.getByText("You are not the stage operator").count()).toBe(0);
    await context.close();
  });
});

describe("destructive actions ask first", () => {
  test("ending a live session asks, says what happens to the room, and Cancel changes nothing", async () => {
    const session = await newSession("LIVE");
    const { context, page } = await open({ email: "organiser@demo.plenary.dev" });
    await page.goto(`/organiser/sessions/${session.id}`);
    const close = page.getByTestId("session-status-action");
    // It says what it does, and looks destructive: white on the error red, not a faint button.
    expect(await close.textContent()).toBe("End session");
    const [background, error] = await close.evaluate((el) => {
      const probe = document.createElement("span");
      probe.style.color = "var(--error)";
      document.body.append(probe);
      const colours = [getComputedStyle(el).backgroundColor, getComputedStyle(probe).color];
      probe.remove();
      return colours;
    });
    expect(background).toBe(error);
    await screenshot(page, "end-session-en-desktop");
    await close.click();
    const dialog = page.getByTestId("end-session-dialog");
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").textContent()).toContain(session.title);
    expect(await dialog.textContent()).toContain("Everyone in the room is disconnected at once");
    // The safe choice has focus, and the page behind cannot be reached.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep it open");
    expect(await axeFindings(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await close.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await asOrganiser<{ status: string }>("get", `/sessions/${session.id}`)).status).toBe("LIVE");

    await close.click();
    await page.getByTestId("end-session-dialog-confirm").click();
    await page.locator('.page-header [data-status="ENDED"]').waitFor();
    expect((await asOrganiser<{ status: string }>("get", `/sessions/${session.id}`)).status).toBe("ENDED");
    await context.close();
  });

  test("opening a session does not ask", async () => {
    const session = await newSession();
    const { context, page } = await open({ email: "organiser@demo.plenary.dev" });
    await page.goto(`/organiser/sessions/${session.id}`);
    await page.getByTestId("session-status-action").click();
    await page.locator('.page-header [data-status="LIVE"]').waitFor();
    expect(await page.getByTestId("end-session-dialog").count()).toBe(0);
    await asOrganiser("post", `/sessions/${session.id}/status`, { status: "ENDED" });
    await context.close();
  });

  test("stopping the stage feed asks and says what the room loses", async () => {
    const session = await newSession("LIVE");
    await asOrganiser("post", `/sessions/${session.id}/roles`, { email: "stage@demo.plenary.dev", role: "STAGE" });
    const { context, page } = await open({ email: "stage@demo.plenary.dev" });
    const state = () => page.getByTestId("stage-status").getAttribute("data-state");
    await page.goto(`/sessions/${session.id}/stage`);
    await page.getByTestId("stage-go-live").click();
    await until(page, () => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state === "live");

    await page.getByTestId("stage-stop").click();
    const dialog = page.getByTestId("stage-stop-dialog");
    expect(await dialog.textContent()).toContain("stops seeing and hearing the floor");
    await dialog.getByRole("button", { name: "Stay live" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await state()).toBe("live");

    await page.getByTestId("stage-stop").click();
    await page.getByTestId("stage-stop-dialog-confirm").click();
    await until(page, () => ["idle", "previewing"].includes(document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.state ?? ""));
    await context.close();
    await asOrganiser("post", `/sessions/${session.id}/status`, { status: "ENDED" });
  });
});

describe("invitations", () => {
  test.each(["en", "ar"] as const)("a valid invitation names the event, session, role and booth before signing in (%s)", async (lang) => {
    const sessionId = (await newSession()).id;
    const { token } = await asOrganiser<{ token: string }>("post", `/sessions/${sessionId}/invitations`, { role: "INTERPRETER", boothLanguage: "ar" });
    const { context, page } = await open({ lang, viewport: PHONE });
    await page.goto(`/invitations/${token}`);
    const offer = page.getByTestId("invitation-offer");
    await offer.waitFor();
    const text = (await offer.textContent())!;
    expect(text).toContain("WSIS+20");
    expect(text).toContain("Staff test session");
    expect(text).toContain(lang === "en" ? "Interpreter" : "مترجم فوري");
    expect(text).toContain(lang === "en" ? "Arabic" : "العربية");
    expect(await page.getByRole("link", { name: lang === "en" ? "Sign in" : "تسجيل الدخول" }).count()).toBeGreaterThan(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    await screenshot(page, `invitation-${lang}-phone`);
    await page.setViewportSize(DESKTOP.viewport);
    await screenshot(page, `invitation-${lang}-desktop`);
    await context.close();
  });

  test("a bogus invitation says so at once, without greeting anyone as invited", async () => {
    const { context, page } = await open({ email: "attendee@demo.plenary.dev" });
    await page.goto("/invitations/this-is-not-an-invitation-token-at-all");
    const refused = page.getByTestId("invitation-refused");
    await refused.waitFor();
    expect(await refused.textContent()).toContain("This invitation link is invalid or has expired");
    expect(await page.getByTestId("invitation-accept").count()).toBe(0);
    expect(await page.getByTestId("invitation-offer").count()).toBe(0);
    await context.close();
  });

  test("a used invitation says so before anything else; accepting one leads to the console", async () => {
    const sessionId = (await newSession()).id;
    const { token } = await asOrganiser<{ token: string }>("post", `/sessions/${sessionId}/invitations`, { role: "STAGE" });
    const first = await open();
    await registerNew(first.context);
    await first.page.goto(`/invitations/${token}`);
    await first.page.getByTestId("invitation-accept").click();
    await first.page.getByTestId("invitation-go").click();
    await first.page.waitForURL(`**/sessions/${sessionId}/stage`);
    await first.context.close();

    const second = await open();
    await second.page.goto(`/invitations/${token}`);
    await second.page.getByTestId("invitation-refused").waitFor();
    expect(await second.page.getByTestId("invitation-refused").textContent()).toContain("already been used");
    await second.context.close();
  });
});

describe("signing out and in", () => {
  test.each(["/organiser", "/profile"])("signing out from %s lands on the agenda", async (path) => {
    const { context, page } = await open({ email: "organiser@demo.plenary.dev" });
    await page.goto(path);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(new URL(page.url()).search).toBe("");
    await context.close();
  });

  test("signing in keeps the language being read and offers the profile's", async () => {
    const email = `e2e-ar-${process.pid}-${Date.now()}@example.org`;
    const setup = await browser.newContext({ baseURL: baseUrl() });
    const res = await setup.request.post("/api/auth/register", {
      data: { email, password: "a long enough password", displayName: "Layla", stakeholderGroup: "CIVIL_SOCIETY", preferredLanguage: "ar" },
    });
    expect(res.status()).toBe(201);
    await setup.close();

    const { context, page } = await open({ lang: "en" });
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const offer = page.getByTestId("language-offer");
    await offer.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await offer.textContent()).toContain("العربية");

    await page.getByTestId("language-offer-switch").click();
    await until(page, () => document.documentElement.lang === "ar" && document.documentElement.dir === "rtl");
    expect(await offer.count()).toBe(0);
    await context.close();
  });
});

describe("phone layouts", () => {
  test.each(["en", "ar"] as const)("the header is one compact row with a menu (%s)", async (lang) => {
    const { context, page } = await open({ lang, viewport: PHONE, email: "organiser@demo.plenary.dev" });
    await page.goto("/");
    const header = page.locator(".site-header");
    await page.getByTestId("header-menu-button").waitFor();
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThan(72);
    // Brand, menu button and language switcher share the row, inside the screen.
    const parts = await Promise.all([".brand", '[data-testid="header-menu-button"]', ".language-switcher"].map((s) => page.locator(s).boundingBox()));
    for (const part of parts) {
      expect(part!.y).toBeGreaterThanOrEqual(box.y);
      expect(part!.y + part!.height).toBeLessThanOrEqual(box.y + box.height);
      expect(part!.x).toBeGreaterThanOrEqual(0);
      expect(part!.x + part!.width).toBeLessThanOrEqual(390);
    }
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await page.getByRole("link", { name: lang === "en" ? "Organiser" : "المنظِّم", exact: true }).isVisible()).toBe(false);

    const button = page.getByTestId("header-menu-button");
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("link", { name: lang === "en" ? "Organiser" : "المنظِّم", exact: true }).isVisible()).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await page.getByTestId("header-menu").isVisible()).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    // A link in the menu navigates and closes it.
    await button.click();
    await page.getByRole("link", { name: lang === "en" ? "Organiser" : "المنظِّم", exact: true }).click();
    await page.getByTestId("header-menu").waitFor({ state: "hidden" });
    await page.waitForURL("**/organiser");
    await context.close();
  });

  test.each(["en", "ar"] as const)("on a desktop the header shows everything in one row, without a menu button (%s)", async (lang) => {
    const { context, page } = await open({ lang, email: "organiser@demo.plenary.dev" });
    await page.goto("/");
    await page.getByRole("link", { name: lang === "en" ? "Organiser" : "المنظِّم", exact: true }).waitFor();
    expect(await page.getByTestId("header-menu-button").isVisible()).toBe(false);
    expect((await page.locator(".site-header").boundingBox())!.height).toBeLessThan(80);
    await context.close();
  });

  test.each(["en", "ar"] as const)("the day tabs scroll with a visible hint, and the last day is reachable (%s)", async (lang) => {
    const { context, page } = await open({ lang, viewport: PHONE });
    await page.goto("/");
    const scroller = page.getByTestId("day-tabs");
    await until(page, () => document.querySelector<HTMLElement>('[data-testid="day-tabs"]')?.dataset.moreEnd === "true");
    expect(await page.getByTestId("day-tabs-more-end").isVisible()).toBe(true);
    const last = page.getByRole("tab").last();
    const inView = () =>
      last.evaluate((tab) => {
        const row = tab.parentElement!.getBoundingClientRect();
        const box = tab.getBoundingClientRect();
        return box.left >= row.left - 1 && box.right <= row.right + 1;
      });
    expect(await inView()).toBe(false);

    await page.getByTestId("day-tabs-more-end").click();
    await until(page, () => document.querySelector<HTMLElement>('[data-testid="day-tabs"]')?.dataset.moreEnd === "false");
    expect(await inView()).toBe(true);
    expect(await scroller.getAttribute("data-more-start")).toBe("true");
    await last.click();
    await page.locator('[role="tab"]:last-child[aria-selected="true"]').waitFor();
    expect(await noHorizontalOverflow(page)).toBe(true);

    // From the keyboard, Home goes back to the first day and scrolls it into view.
    await last.focus();
    await page.keyboard.press("Home");
    await page.locator('[role="tab"]:first-child[aria-selected="true"]').waitFor();
    await until(page, () => document.querySelector<HTMLElement>('[data-testid="day-tabs"]')?.dataset.moreStart === "false");
    await context.close();
  });

  test.each([
    ["zh", "phone"],
    ["zh", "desktop"],
    ["en", "phone"],
    ["ar", "desktop"],
  ] as const)("the booth chat's Send button keeps its label on one line (%s, %s)", async (lang, size) => {
    const context = await browser.newContext({ baseURL: baseUrl(), ...(size === "phone" ? PHONE : DESKTOP) });
    await useLanguage(context, lang);
    await loginAs(context, `interpreter-${lang === "en" ? "fr" : lang}@demo.plenary.dev`);
    const sessionId = await liveSessionId(context);
    const page = await context.newPage();
    await page.goto(`/sessions/${sessionId}/booth`);
    const input = page.getByTestId("booth-chat-input");
    await input.waitFor();
    await input.fill("ok");
    const send = page.locator(".booth-chat__form button");
    // One line of text: the button is no taller than the input beside it, and its label is not cut.
    const [button, field] = await Promise.all([send.boundingBox(), input.boundingBox()]);
    expect(button!.height).toBeLessThanOrEqual(field!.height + 1);
    expect(await send.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await noHorizontalOverflow(page)).toBe(true);
    await screenshot(page, `booth-chat-${lang}-${size}`);
    await context.close();
  });

  test.each(["en", "ar"] as const)("the organiser's sessions are cards on a phone, with status and actions on screen (%s)", async (lang) => {
    const { context, page } = await open({ lang, viewport: PHONE, email: "organiser@demo.plenary.dev" });
    await page.goto("/organiser");
    const cards = page.getByTestId("organiser-cards");
    await cards.waitFor();
    expect(await page.locator("table").count()).toBe(0);
    expect(await noHorizontalOverflow(page)).toBe(true);
    const actions = cards.getByTestId("session-status-action");
    expect(await actions.count()).toBeGreaterThan(20);
    for (const box of await Promise.all((await actions.all()).slice(0, 5).map((a) => a.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    expect(await axeFindings(page)).toEqual([]);
    await screenshot(page, `organiser-cards-${lang}-phone`);

    await page.setViewportSize(DESKTOP.viewport);
    await page.locator("table").waitFor();
    expect(await cards.count()).toBe(0);
    await screenshot(page, `organiser-table-${lang}-desktop`);
    await context.close();
  });
});
