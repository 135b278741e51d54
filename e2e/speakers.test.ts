import { RoomEvent } from "@livekit/rtc-node";
import pg from "pg";
import { participantIdentity } from "@plenary/shared";
import { RoomServiceClient } from "livekit-server-sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { attendeesOf } from "../api/src/attendance/attendance.rules.ts";
import { hears, lastHeard } from "../api/test/helpers/goertzel.ts";
import { joinToneListener } from "../api/test/helpers/tones.ts";
import { launchChromium } from "./harness.ts";
import { baseUrl, liveSessionId, loginAs, registerNew, screenshot, until, useLanguage } from "./helpers.ts";

// Floor requests end to end, on real parts: a delegate in Chromium (fake microphone: the 440 Hz
// tone) raises a hand on the session page, the chair gives the floor from the moderator console,
// the delegate goes live, and an rtc-node listener in the room hears that delegate's tone. Then
// the chair takes the floor back: the tone stops and LiveKit holds no track of theirs any more.
let browser: Browser;
const TONE = 440;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium(inject("toneWav"));
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

async function newContext(lang: "en" | "ar" = "en", viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport });
  contexts.push(context);
  await useLanguage(context, lang);
  return context;
}

const connectedPage = async (page: Page) => until(page, () => document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state === "connected", undefined, 60_000);

/** An rtc-node attendee in the room, analysing every audio frame by the identity that sent it. */
async function listenerIn(sessionId: string) {
  const context = await newContext();
  await registerNew(context, "Listening Delegate");
  const res = await context.request.post(`/api/sessions/${sessionId}/token`, { data: { role: "attendee" } });
  const { serverUrl, token } = await res.json();
  const bot = await joinToneListener({ url: serverUrl, token, frequencies: [TONE] });
  return { ...bot, rooms: new RoomServiceClient(String(serverUrl).replace(/^ws/, "http"), "devkey", "secret") };
}

test("a delegate asks for the floor, the chair gives it, the room hears them; the chair takes it back and they are silenced", async () => {
  const delegateContext = await newContext();
  await registerNew(delegateContext, "Amina Delegate");
  const delegateId: string = (await (await delegateContext.request.get("/api/me")).json()).id;
  // The session page joins the room as an attendee; that view is what the floor reaches.
  const delegateIdentity = participantIdentity(delegateId, "attendee", "session");
  const sessionId = await liveSessionId(delegateContext);
  const delegate = await delegateContext.newPage();
  await delegate.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    (window as unknown as { gumCalls: number }).gumCalls = 0;
    navigator.mediaDevices.getUserMedia = (c) => ((window as unknown as { gumCalls: number }).gumCalls++, original(c));
  });
  await delegate.goto(`/sessions/${sessionId}`);
  await connectedPage(delegate);
  const listener = await listenerIn(sessionId);

  const chairContext = await newContext();
  await loginAs(chairContext, "moderator@demo.plenary.dev");
  const chair = await chairContext.newPage();
  await chair.goto(`/sessions/${sessionId}/moderate`);
  await chair.getByTestId("speakers-list").waitFor();

  await delegate.getByTestId("floor-topic").fill("Connectivity in least developed countries");
  await delegate.getByTestId("floor-request-button").click();
  await delegate.getByTestId("floor-position").waitFor();
  const entry = chair.getByTestId("speakers-list-entry").filter({ hasText: "Amina Delegate" });
  await entry.waitFor();
  await expect(entry.textContent()).resolves.toContain("Connectivity in least developed countries");
  // No device permission is asked before the floor is given.
  expect(await delegate.evaluate(() => (window as unknown as { gumCalls: number }).gumCalls)).toBe(0);
  await screenshot(chair, "speakers-list-en-desktop");
  await screenshot(delegate, "floor-queued-en-desktop");

  await entry.getByTestId("floor-grant").click();
  await delegate.getByTestId("floor-granted-prompt").waitFor();
  await delegate.getByTestId("floor-go-live").click();
  await listener.listener.waitFor((f) => f.source === delegateIdentity && hears(f, TONE), 30_000);
  // Everyone sees who holds the floor, with the timer.
  await chair.locator(`[data-testid="floor-holder"][data-user-id="${delegateId}"]`).first().waitFor();
  await delegate.getByTestId("floor-timer").first().waitFor();
  await screenshot(delegate, "floor-granted-en-desktop");
  await screenshot(chair, "speakers-list-holder-en-desktop");

  const rooms = listener.rooms;
  // The listener's side of the take-back: LiveKit unsubscribes it from the delegate's track.
  const unsubscribed = new Promise<number>((resolve) =>
    listener.room.on(RoomEvent.TrackUnsubscribed, (_track, _publication, participant) => {
      if (participant.identity === delegateIdentity) resolve(performance.now());
    }),
  );
  const revokedAt = performance.now();
  await chair.getByTestId("floor-revoke").first().click();
  await until(delegate, () => !document.querySelector('[data-testid="floor-go-live"]') && !document.querySelector('[data-testid="floor-granted-prompt"]'));
  const tracksLeft = async () => (await rooms.getParticipant(`session-${sessionId}`, delegateIdentity)).tracks.length;
  for (let i = 0; i < 100 && (await tracksLeft()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await tracksLeft()).toBe(0);
  const unsubscribedAt = await unsubscribed;
  const last = lastHeard(listener.listener.frames.filter((f) => f.source === delegateIdentity), TONE);
  // Silent soon after the take-back, and nothing heard once LiveKit took the track away.
  expect(last!.t - revokedAt).toBeLessThan(1000);
  expect(listener.listener.frames.filter((f) => f.source === delegateIdentity && f.t > unsubscribedAt && hears(f, TONE))).toEqual([]);
  await listener.close();
});

test("a session speaker goes live from the speaker view and stops, their session page staying in the room beside it", async () => {
  const context = await newContext();
  await loginAs(context, "speaker@demo.plenary.dev");
  const speakerId: string = (await (await context.request.get("/api/me")).json()).id;
  const sessionId = await liveSessionId(context);
  const listener = await listenerIn(sessionId);
  // Two views of one person, each its own participant: the session page opened as a speaker, then the speaker view.
  const sessionPage = await context.newPage();
  await sessionPage.goto(`/sessions/${sessionId}?as=speaker`);
  await connectedPage(sessionPage);
  const page = await context.newPage();
  await page.goto(`/sessions/${sessionId}/speak`);
  await page.getByTestId("speaker-go-live").click();
  await until(page, () => document.querySelector<HTMLElement>('[data-testid="speaker-state"]')?.dataset.state === "live");
  await listener.listener.waitFor((f) => f.source === participantIdentity(speakerId, "speaker", "speak") && hears(f, TONE), 30_000);
  // The speaker view did not push the session page out, and the floor went to the speaker view alone.
  expect(await sessionPage.evaluate(() => document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state)).toBe("connected");
  const sessionIdentity = participantIdentity(speakerId, "speaker", "session");
  const sessionView = await listener.rooms.getParticipant(`session-${sessionId}`, sessionIdentity);
  expect(sessionView.permission?.canPublish).toBe(false);

  // LiveKit's webhooks: two identities, one attendee, still present once the session page is closed.
  const db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  try {
    const rows = async () => (await db.query(`SELECT identity, "userId", "participantSid", kind, at FROM "Attendance" WHERE "sessionId" = $1 AND "userId" = $2`, [sessionId, speakerId])).rows;
    const leftPage = async () => (await rows()).filter((r) => r.identity === sessionIdentity && r.kind === "LEFT").length;
    await expect.poll(async () => new Set((await rows()).filter((r) => r.kind === "JOINED").map((r) => r.identity)).size, { timeout: 15_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    const before = await leftPage();
    await sessionPage.close();
    await expect.poll(leftPage, { timeout: 15_000, interval: 100 }).toBeGreaterThan(before);
    expect(attendeesOf(await rows(), new Date())).toEqual([expect.objectContaining({ userId: speakerId, present: true })]);
  } finally {
    await db.end();
  }
  await screenshot(page, "speaker-view-live-en-desktop");
  await page.getByTestId("speaker-stop").click();
  await until(page, () => document.querySelector<HTMLElement>('[data-testid="speaker-state"]')?.dataset.state !== "live");
  await listener.close();
});

test.each([
  ["ar", "desktop", { width: 1366, height: 768 }],
  ["en", "phone", { width: 390, height: 844 }],
  ["ar", "phone", { width: 390, height: 844 }],
] as const)("screenshots: the speakers' list and the floor panel in %s on a %s", async (lang, kind, viewport) => {
  const delegateContext = await newContext(lang, viewport);
  await registerNew(delegateContext, lang === "ar" ? "ليلى مندوبة" : "Leila Delegate");
  const sessionId = await liveSessionId(delegateContext);
  const delegate = await delegateContext.newPage();
  await delegate.goto(`/sessions/${sessionId}`);
  await connectedPage(delegate);
  // On a phone the speakers' list is a tab beside Q&A.
  if (kind === "phone") await delegate.getByTestId("session-tab-floor").click();
  await delegate.getByTestId("floor-request-button").click();
  await delegate.getByTestId("floor-position").waitFor();

  const chairContext = await newContext(lang, viewport);
  await loginAs(chairContext, "moderator@demo.plenary.dev");
  const chair = await chairContext.newPage();
  await chair.goto(`/sessions/${sessionId}/moderate`);
  const entry = chair.getByTestId("speakers-list-entry").last();
  await entry.waitFor();
  await screenshot(chair, `speakers-list-${lang}-${kind}`);
  await entry.getByTestId("floor-grant").click();
  await delegate.getByTestId("floor-granted-prompt").waitFor();
  await delegate.getByTestId("floor-timer").first().waitFor();
  await screenshot(delegate, `floor-granted-${lang}-${kind}`);
  await chair.getByTestId("floor-revoke").first().click();
  await delegate.getByTestId("floor-request-button").waitFor();
});
