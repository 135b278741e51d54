// Interpretation as listeners hear it, on one machine over loopback: channel switching, booth
// handover and listener capacity, with tone bots (rtc-node) against a private livekit-server, the
// built api and a scratch PostgreSQL database.
// Run: npx tsx bench/interpretation.ts   (needs PostgreSQL; starts livekit-server and the api)
// BENCH_PARTS=switch,handover,capacity  BENCH_SWITCHES=50  BENCH_HANDOVERS=20
// BENCH_CAPACITY_MAX=400 BENCH_CAPACITY_STEP=28 BENCH_CAPACITY_WORKERS=2 BENCH_CAPACITY_STRATEGY=subscribe
// BENCH_PARTS=capacity-light (Go listener bots, needs Go): BENCH_LIGHT_MAX=1400 BENCH_LIGHT_STEP=140
import { dispose } from "@livekit/rtc-node";
import { FLOOR, participantIdentity, type TChannel } from "@plenary/shared";
import { startBoothBot, type BoothBot } from "../api/test/helpers/interpretation-booth.ts";
import { joinInterpretationListener, type ListenStrategy } from "../api/test/helpers/interpretation-listener.ts";
import { percentiles } from "../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../api/test/helpers/tones.ts";
import { measureCapacity } from "./interpretation-capacity.ts";
import { measureLightCapacity } from "./interpretation-capacity-light.ts";
import { measureBareSwitching, measureHandovers, measureSwitching, show } from "./interpretation-listening.ts";
import { ALL_TONES, BOOTH_TONES, connectPerson, FLOOR_HZ, FR_PARTNER_HZ, LANGUAGES, startStack, type BoothLanguage } from "./interpretation-stack.ts";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PARTS = (process.env.BENCH_PARTS ?? "switch,handover,capacity").split(",");
const SWITCHES = env("BENCH_SWITCHES", 50);
const HANDOVERS = env("BENCH_HANDOVERS", 20);
const CAPACITY_MAX = env("BENCH_CAPACITY_MAX", 400);
const LIGHT_MAX = env("BENCH_LIGHT_MAX", 1400);
const WATCHDOG_MS = 20 * 60_000;

async function main() {
  const watchdog = setTimeout(() => (console.error("bench watchdog: giving up after 20 min"), process.exit(2)), WATCHDOG_MS);
  // Ports derived from the pid, so concurrent benches on this shared machine never meet.
  const block = process.pid % 500;
  const stack = await startStack({ apiPort: 33000 + block, livekitPort: 45000 + block * 10, listeners: Math.max(CAPACITY_MAX, PARTS.includes("capacity-light") ? LIGHT_MAX : 0) + 10 });
  const { apiUrl, sessionId } = stack;
  const join = (person: (typeof stack)["stage"], role: string) => connectPerson(apiUrl, sessionId, person, role);
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const floor = await join(stack.stage, "stage");
    const stage = await startTonePublisher({ url: floor.url, token: floor.token, hz: FLOOR_HZ });
    closers.push(() => stage.close());
    const booths = {} as Record<BoothLanguage, BoothBot>;
    for (const language of LANGUAGES) {
      const me = await join(stack.interpreters[language], "interpreter");
      booths[language] = await startBoothBot({ ...me, sessionId, language, hz: BOOTH_TONES[language] });
      closers.push(() => booths[language].close());
      await booths[language].take();
    }
    const partnerMe = await join(stack.frPartner, "interpreter");
    const partner = await startBoothBot({ ...partnerMe, sessionId, language: "fr", hz: FR_PARTNER_HZ });
    closers.push(() => partner.close());
    const spare = stack.listeners.slice(Math.max(CAPACITY_MAX, PARTS.includes("capacity-light") ? LIGHT_MAX : 0));
    const listen = async (strategy: ListenStrategy, channel: TChannel) => {
      const me = await join(spare.shift()!, "attendee");
      const listener = await joinInterpretationListener({ ...me, sessionId, channel, floorLevel: 0.25, frequencies: ALL_TONES, strategy });
      closers.push(() => listener.close());
      return listener;
    };
    console.log(`\nInterpretation bench: livekit-server, built api, PostgreSQL on loopback; tone bots in this process (load ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")})`);

    if (PARTS.includes("switch")) {
      console.log(`\nChannel switch, ${SWITCHES} switches among six booths: local switch (the click, applied from the state held) → first played frame of the new channel's tone; the old voice is cut locally at that frame`);
      const identities = Object.fromEntries(LANGUAGES.map((l) => [l, booths[l].userId])) as Record<BoothLanguage, string>;
      // The same-run baseline: a bare rtc-node listener switching by subscription, no Plenary in the path.
      const bareMe = await join(spare.shift()!, "attendee");
      const bare = await joinToneListener({ url: bareMe.url, token: bareMe.token, frequencies: ALL_TONES, autoSubscribe: false });
      const baseline = await measureBareSwitching(bare, identities, SWITCHES);
      await bare.close();
      console.log(`(baseline) bare rtc-node, subscribe to the new publication and unsubscribe the old${baseline.missed ? ` — not heard within 5 s: ${baseline.missed}` : ""}`);
      console.log(`  ${show("subscribe → first frame of the new channel", baseline.first)}`);
      const baseP = percentiles(baseline.first);
      for (const strategy of ["gating", "setEnabled"] as const) {
        const listener = await listen(strategy, "fr");
        const r = await measureSwitching(listener, identities, SWITCHES);
        const p = percentiles(r.first);
        console.log(`(${strategy === "gating" ? "a) client gating: every on-air channel streams, one is played" : "b) setEnabled: every on-air channel subscribed, all but the played one paused at the SFU"})${r.missed ? ` — not heard within 5 s: ${r.missed}` : ""}`);
        console.log(`  ${show("switch → first frame of the new channel", r.first)}`);
        console.log(`  ${show("switch → ack of interpretation:select", r.ack)}`);
        console.log(`  ${show("gap (old voice's last frame → new's first)", r.gap)}`);
        console.log(`  ${show("overlap (old voice after the new one's first)", r.overlap)}`);
        console.log(`  ratio to the baseline: median ${(p.median / baseP.median).toFixed(2)}, p95 ${(p.p95 / baseP.p95).toFixed(2)}`);
        await listener.close();
      }
      console.log("  targets: p95 < 400 ms required, < 150 ms goal");
    }

    if (PARTS.includes("handover")) {
      console.log(`\nHandover in the French booth (440 Hz ⇄ 550 Hz), ${HANDOVERS} offer/accept handovers; times from the accept`);
      const listeners = {
        subscribe: await listen("subscribe", "fr"),
        gating: await listen("gating", "fr"),
        setEnabled: await listen("setEnabled", "fr"),
        "booth (both interpreters of the booth streaming, one played)": await listen("booth", "fr"),
      };
      const eavesdropper = await join(spare.shift()!, "attendee");
      const raw = await joinToneListener({ url: eavesdropper.url, token: eavesdropper.token, frequencies: ALL_TONES });
      closers.push(() => raw.close());
      const { result, ackMs } = await measureHandovers(listeners, raw.listener, [booths.fr, partner], HANDOVERS);
      console.log(`  ${show("accept → its ack", ackMs)}`);
      for (const [name, r] of Object.entries(result)) {
        console.log(`  ${name}${r.missed ? ` — new voice not heard within 5 s: ${r.missed}` : ""}`);
        console.log(`    ${show("accept → last frame of the old voice", r.acceptToLastOld)}`);
        console.log(`    ${show("accept → first frame of the new voice", r.acceptToNew)}`);
        console.log(`    ${show("gap", r.gap)}`);
        console.log(`    ${show("overlap", r.overlap)}`);
      }
      console.log("  targets: gap < 150 ms (goal < 50 ms), overlap 0");
      await Promise.all(Object.values(listeners).map((l) => l.close()));
      await raw.close();
    }

    if (PARTS.includes("capacity")) {
      const strategy = (process.env.BENCH_CAPACITY_STRATEGY ?? "subscribe") as ListenStrategy;
      const windowMs = env("BENCH_CAPACITY_WINDOW_MS", 5000);
      console.log(`\nCapacity: listener bots (${strategy}) over the floor and six booths, added ${env("BENCH_CAPACITY_STEP", 28)} at a time, each step judged over ${windowMs / 1000} s`);
      const { held, stoppedBecause } = await measureCapacity({
        apiUrl,
        sessionId,
        people: stack.listeners.slice(0, CAPACITY_MAX),
        pids: stack.pids,
        strategy,
        workers: env("BENCH_CAPACITY_WORKERS", 2),
        step: env("BENCH_CAPACITY_STEP", 28),
        windowMs,
        deadlineMs: env("BENCH_CAPACITY_SECONDS", 300) * 1000,
        log: (line) => console.log(`  ${line}`),
      });
      console.log(`  held: ${held} listeners with every one hearing its own channel and nothing else; stopped: ${stoppedBecause}`);
      console.log("  LiveKit's published figure: ~3,000 audio subscribers on one 16-core node (≈190 per core)");
    }

    if (PARTS.includes("capacity-light")) {
      const windowMs = env("BENCH_CAPACITY_WINDOW_MS", 5000);
      const step = env("BENCH_LIGHT_STEP", 140);
      console.log(`\nCapacity, light listeners (Go, packets counted, no decoding) over the floor and six booths, added ${step} at a time, each step judged over ${windowMs / 1000} s`);
      const publishers = {
        [FLOOR]: participantIdentity(stack.stage.userId, "stage", "stage"),
        ...Object.fromEntries(LANGUAGES.map((l) => [l, booths[l].userId])),
      } as Record<TChannel, string>;
      const { held, stoppedBecause } = await measureLightCapacity({
        apiUrl,
        sessionId,
        people: stack.listeners.slice(0, LIGHT_MAX),
        publishers,
        pids: stack.pids,
        step,
        windowMs,
        deadlineMs: env("BENCH_CAPACITY_SECONDS", 300) * 1000,
        log: (line) => console.log(`  ${line}`),
      });
      console.log(`  held: ${held} listeners, each getting its own channel's packets and no other's; stopped: ${stoppedBecause}`);
      console.log("  LiveKit's published figure: ~3,000 audio subscribers on one 16-core node (≈190 per core)");
    }
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await dispose();
    await stack.stop();
    clearTimeout(watchdog);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
