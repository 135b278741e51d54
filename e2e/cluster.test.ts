import { roomNameFor } from "@plenary/shared";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { startBrowserCluster, type BrowserCluster, type ClusterNode } from "./cluster-harness.ts";
import { launchChromium } from "./harness.ts";
import { goLiveOnStage, registerNew, until } from "./helpers.ts";
import { audibleAgainAt, describe, heardAgainAfterSilence, recordTimeline, timelineOf } from "./recovery.ts";

// The browser on LiveKit's own multi-node cluster, in the shape `npm run cluster` runs: the stage
// page publishes the floor (Chromium's fake microphone plays the tone) and an attendee's page hears
// it, both through nginx and the api replicas. Then the LiveKit node hosting the room is killed
// (-9). Nobody reloads or presses anything: the attendee's page must say it is reconnecting and
// hear the floor again, and the stage must be publishing again, whether the node comes back at
// once or the room has to move to the other node. How long recovery takes is measured in
// bench/livekit-restart-browser.ts, not asserted here.
let cluster: BrowserCluster;
let browser: Browser;
let stage: Awaited<ReturnType<typeof goLiveOnStage>>;
let context: BrowserContext;
let attendee: Page;
let room: string;

beforeAll(async () => {
  // The e2e global setup has built the client and api.
  cluster = await startBrowserCluster({ dbName: `plenary_e2e_cluster_${process.pid}` });
  browser = await launchChromium(inject("toneWav"));
  stage = await goLiveOnStage(browser, cluster.baseUrl);
  room = roomNameFor(stage.sessionId);
  context = await browser.newContext({ baseURL: cluster.baseUrl });
  await registerNew(context, "Cluster Delegate", cluster.baseUrl);
  attendee = await context.newPage();
  await attendee.goto(`/sessions/${stage.sessionId}`);
  await Promise.all([recordTimeline(attendee), recordTimeline(stage.stage)]);
}, 120_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await cluster?.stop();
});

/** Kills the node hosting the room; `restart` starts it again at once. Returns the kill's time and the node. */
async function crashHost({ restart }: { restart: boolean }): Promise<{ killedAt: number; host: ClusterNode }> {
  // Heard before the crash, so hearing it after says something.
  await until(attendee, () => Number(document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.level) > 0.05, undefined, 30_000);
  const host = await cluster.hostOf(room);
  expect(host, "LiveKit placed the room on one of the cluster's nodes").toBeDefined();
  const killedAt = Date.now();
  await host!.kill();
  if (restart) await cluster.startNode(host!);
  return { killedAt, host: host! };
}

/** The attendee hears the floor again after a silence and said it was reconnecting; the stage is live again and said so too. */
async function expectRecovered(killedAt: number) {
  await heardAgainAfterSilence(attendee, killedAt, 60_000);
  await until(attendee, () => document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state === "connected");
  const shown = (await timelineOf(attendee)).filter((s) => s.at >= killedAt);
  expect(shown.some((s) => s.reconnecting || s.rejoining), `the page said it was reconnecting: ${describe(shown, killedAt)}`).toBe(true);

  // Live again without anyone pressing Go live (the attendee hears it: it is the only floor).
  await until(stage.stage, () => {
    const status = document.querySelector<HTMLElement>('[data-testid="stage-status"]');
    return status?.dataset.state === "live" && status.dataset.reconnecting === undefined;
  });
  const staged = (await timelineOf(stage.stage)).filter((s) => s.at >= killedAt);
  expect(staged.some((s) => s.stageReconnecting || s.stage !== "live"), `the stage said it was reconnecting: ${describe(staged, killedAt)}`).toBe(true);
  console.log(`attendee heard the floor again ${audibleAgainAt(shown, killedAt)! - killedAt} ms after the kill\n  attendee: ${describe(shown, killedAt)}\n  stage: ${describe(staged, killedAt)}`);
}

test("the node hosting the room is killed and restarted: the attendee's page says it is reconnecting and hears the floor again, the stage publishes again", async () => {
  const { killedAt } = await crashHost({ restart: true });
  await expectRecovered(killedAt);
  expect((await cluster.hostOf(room))?.alive, "the room is on a running node").toBe(true);
}, 90_000);

test("the node hosting the room is killed for good: the room moves to the other node and both pages recover there", async () => {
  const { killedAt, host } = await crashHost({ restart: false });
  await expectRecovered(killedAt);
  const newHost = await cluster.hostOf(room);
  expect(newHost?.alive).toBe(true);
  expect(newHost).not.toBe(host);
}, 90_000);
