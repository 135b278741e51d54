import { roomNameFor } from "@plenary/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { startBrowserCluster, type BrowserCluster } from "./cluster-harness.ts";
import { launchChromium } from "./harness.ts";
import { goLiveOnStage, registerNew, until } from "./helpers.ts";
import { audibleAgainAt, describe, recordTimeline, timelineOf } from "./recovery.ts";

// The browser on LiveKit's own multi-node cluster, in the shape `npm run cluster` runs: the stage
// page publishes the floor (Chromium's fake microphone plays the tone), an attendee's page hears
// it, both through nginx and the api replicas. Then the LiveKit node hosting the room is killed
// (-9) and started again. Nobody reloads: the attendee's page must say it is reconnecting and hear
// the floor again, and the stage must be live (publishing) again. How long that takes is measured
// in bench/livekit-restart-browser.ts, not asserted here.
let cluster: BrowserCluster;
let browser: Browser;

beforeAll(async () => {
  // The e2e global setup has built the client and api. LiveKit nodes above the e2e stack's block (40000–49999).
  cluster = await startBrowserCluster({ dbName: `plenary_e2e_cluster_${process.pid}`, livekitBase: 50_000 + (process.pid % 1000) * 10 });
  browser = await launchChromium(inject("toneWav"));
}, 120_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await cluster?.stop();
});

const audible = (page: Page) => until(page, () => Number(document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.level) > 0.05, undefined, 30_000);

test("the node hosting the room is killed and restarted: the attendee's page says it is reconnecting and hears the floor again, the stage publishes again", async () => {
  const stage = await goLiveOnStage(browser, cluster.baseUrl);
  const context = await browser.newContext({ baseURL: cluster.baseUrl });
  await registerNew(context, "Cluster Delegate", cluster.baseUrl);
  const attendee = await context.newPage();
  await attendee.goto(`/sessions/${stage.sessionId}`);
  await audible(attendee);
  await Promise.all([recordTimeline(attendee), recordTimeline(stage.stage)]);

  const room = roomNameFor(stage.sessionId);
  const host = await cluster.hostOf(room);
  expect(host, "LiveKit placed the room on one of the cluster's nodes").toBeDefined();
  const killedAt = Date.now();
  await host!.kill();
  await cluster.startNode(host!);

  // The page recovers on its own: heard again after a silence, connected, and it said so meanwhile.
  await until(attendee, (since) => {
    let silent = false;
    for (const shown of window.plenaryTimeline ?? []) {
      if (shown.at < since) continue;
      if (!shown.audible) silent = true;
      else if (silent) return true;
    }
    return false;
  }, killedAt, 60_000);
  await until(attendee, () => document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state === "connected");
  const shown = (await timelineOf(attendee)).filter((s) => s.at >= killedAt);
  expect(shown.some((s) => s.reconnecting || s.rejoining), `the page said it was reconnecting: ${JSON.stringify(shown)}`).toBe(true);
  expect(audibleAgainAt(shown, killedAt)).toBeDefined();

  // The stage is live again without anyone pressing Go live, and said it was reconnecting meanwhile.
  await until(stage.stage, () => {
    const status = document.querySelector<HTMLElement>('[data-testid="stage-status"]');
    return status?.dataset.state === "live" && status.dataset.reconnecting === undefined;
  });
  const staged = (await timelineOf(stage.stage)).filter((s) => s.at >= killedAt);
  expect(staged.some((s) => s.stageReconnecting || s.stage !== "live"), `the stage said it was reconnecting: ${JSON.stringify(staged)}`).toBe(true);
  // The room lives on a running node of the cluster again.
  expect((await cluster.hostOf(room))?.alive).toBe(true);
  console.log(`node killed: attendee heard the floor again after ${audibleAgainAt(shown, killedAt)! - killedAt} ms`);
  console.log(`  attendee showed (ms after the kill): ${describe(shown, killedAt)}`);
  console.log(`  stage showed: ${describe(staged, killedAt)}`);

  await context.close();
  await stage.stop();
}, 90_000);
