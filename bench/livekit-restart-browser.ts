// Browser recovery from a LiveKit node crash: on the local cluster (two LiveKit nodes in
// multi-node mode, two api replicas, nginx; e2e/cluster-harness.ts), a Chromium stage page
// publishes the tone and a Chromium attendee page hears it. Each round kills (-9) the node hosting
// the room, starts it again at once, and times, from the kill, when the attendee's page first says
// it is reconnecting, when it shows "connected" again and when it hears the floor again (the
// meter's first audible level after the silence). Nobody reloads or presses anything. Prints each round, then median and max.
// Run: npx tsx bench/livekit-restart-browser.ts   (BENCH_ROUNDS=5; needs PostgreSQL, Chromium, nginx)
import { roomNameFor } from "@plenary/shared";
import type { Browser } from "playwright-core";
import { startBrowserCluster, type BrowserCluster } from "../e2e/cluster-harness.ts";
import { launchChromium, tmpFile, writeToneWav } from "../e2e/harness.ts";
import { goLiveOnStage, registerNew, until } from "../e2e/helpers.ts";
import { audibleAgainAt, describe, heardAgainAfterSilence, recordTimeline, timelineOf, type Shown } from "../e2e/recovery.ts";
// @ts-expect-error plain ESM script shared with the hub and CI
import { buildApi, buildClient } from "../scripts/setup.mjs";
import { fmt } from "./lib.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** The first "connected" after the page showed anything else, from `since`. */
function connectedAgainAt(timeline: Shown[], since: number): number | undefined {
  let dropped = false;
  for (const shown of timeline) {
    if (shown.at < since) continue;
    if (shown.connection !== "connected" || shown.rejoining) dropped = true;
    else if (dropped) return shown.at;
  }
  return undefined;
}

/** The first moment from `since` the page said it was not connected (banner, rejoining notice or indicator). */
const saidReconnectingAt = (timeline: Shown[], since: number) => timeline.find((s) => s.at >= since && (s.reconnecting || s.rejoining || s.connection !== "connected"))?.at;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

buildClient();
await buildApi();
let cluster: BrowserCluster | undefined;
let browser: Browser | undefined;
try {
  cluster = await startBrowserCluster({ dbName: "plenary_bench_livekit_restart" });
  browser = await launchChromium(writeToneWav(tmpFile("floor-tone.wav"), { seconds: 600 }));
  const stage = await goLiveOnStage(browser, cluster.baseUrl);
  const context = await browser.newContext({ baseURL: cluster.baseUrl });
  await registerNew(context, "Bench Delegate", cluster.baseUrl);
  const attendee = await context.newPage();
  await attendee.goto(`/sessions/${stage.sessionId}`);
  await until(attendee, () => Number(document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')?.dataset.level) > 0.05, undefined, 30_000);
  await recordTimeline(attendee);
  const room = roomNameFor(stage.sessionId);

  const rounds: { said: number; connected: number; audible: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const host = await cluster.hostOf(room);
    if (!host) throw new Error(`room ${room} is on no node of the cluster`);
    const killedAt = Date.now();
    await host.kill();
    await cluster.startNode(host);
    const audibleAgain = await heardAgainAfterSilence(attendee, killedAt, 120_000).then(async () => timelineOf(attendee));
    const connected = connectedAgainAt(audibleAgain, killedAt)!;
    const audible = audibleAgainAt(audibleAgain, killedAt)!;
    const said = saidReconnectingAt(audibleAgain, killedAt)!;
    rounds.push({ said: said - killedAt, connected: connected - killedAt, audible: audible - killedAt });
    const s = (at: number) => `${fmt((at - killedAt) / 1000)} s`;
    console.log(`round ${round}: node on ${host.port} killed → said reconnecting ${s(said)}, connected again ${s(connected)}, floor heard again ${s(audible)}`);
    if (process.env.BENCH_VERBOSE) console.log(`   ${describe(audibleAgain, killedAt)}`);
    // The stage is publishing again (it is what the attendee hears); let it settle before the next crash.
    await until(stage.stage, () => document.querySelector<HTMLElement>('[data-testid="stage-status"]')?.dataset.reconnecting === undefined, undefined, 30_000);
  }
  const column = (pick: (r: (typeof rounds)[number]) => number) => rounds.map(pick);
  console.log(`\n${ROUNDS} kills of the node hosting the room (kill -9, restarted at once), Chromium attendee page:`);
  console.log(`  said reconnecting:  median ${fmt(median(column((r) => r.said)) / 1000)} s, max ${fmt(Math.max(...column((r) => r.said)) / 1000)} s`);
  console.log(`  connected again:    median ${fmt(median(column((r) => r.connected)) / 1000)} s, max ${fmt(Math.max(...column((r) => r.connected)) / 1000)} s`);
  console.log(`  floor heard again:  median ${fmt(median(column((r) => r.audible)) / 1000)} s, max ${fmt(Math.max(...column((r) => r.audible)) / 1000)} s`);
  await context.close();
  await stage.stop();
} finally {
  await browser?.close().catch(() => undefined);
  await cluster?.stop();
}
