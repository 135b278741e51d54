// Q4: both booth interpreters publish; the server mutes one and unmutes the other
// (room.enable_remote_unmute: true). Gap and overlap at a listener subscribed to both, over N
// handovers, in both orders. Run: npx tsx bench/spike/handover.ts [handovers=20]
import { dispose } from "@livekit/rtc-node";
import { firstHeard, lastHeard, percentiles } from "../../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../../api/test/helpers/tones.ts";
import { FREQS, ms, startServer } from "./lib.ts";

const HANDOVERS = Number(process.argv[2] ?? 20);
const server = await startServer({ remoteUnmute: true });
const room = "spike-handover";
const settle = (msWait: number) => new Promise((r) => setTimeout(r, msWait));
const show = (name: string, values: number[]) => {
  const p = percentiles(values);
  console.log(`${name.padEnd(44)} median ${ms(p.median)}  p95 ${ms(p.p95)}  max ${ms(p.max)}  (n=${p.n})`);
};
try {
  const booth = {
    a: await startTonePublisher({ url: server.url, token: await server.token(room, "interp-a", { canPublish: true }), hz: 440 }),
    b: await startTonePublisher({ url: server.url, token: await server.token(room, "interp-b", { canPublish: true }), hz: 550 }),
  };
  const hz = { a: 440, b: 550 } as const;
  const { listener, close } = await joinToneListener({ url: server.url, token: await server.token(room, "listener"), frequencies: FREQS });
  const mute = (who: "a" | "b", muted: boolean) => server.rooms.mutePublishedTrack(room, `interp-${who}`, booth[who].publication!.sid!, muted);
  await listener.waitFor((f) => f.levels[550]! > 0.05);
  await mute("b", true);
  let onAir: "a" | "b" = "a";

  for (const order of ["mute old, then unmute new", "unmute new, then mute old"] as const) {
    const gaps: number[] = [], overlaps: number[] = [], calls: number[] = [], lastOld: number[] = [], firstNew: number[] = [];
    let missed = 0;
    for (let i = 0; i < HANDOVERS; i++) {
      const next: "a" | "b" = onAir === "a" ? "b" : "a";
      await settle(400);
      const t0 = performance.now();
      if (order === "mute old, then unmute new") {
        await mute(onAir, true);
        await mute(next, false);
      } else {
        await mute(next, false);
        await mute(onAir, true);
      }
      calls.push(performance.now() - t0);
      await listener.waitFor((f) => f.levels[hz[next]]! > 0.05, 5000).catch(() => missed++);
      await settle(400);
      // Per stream: the old voice's last frame on its own track, the new voice's first on its own.
      const window = { after: t0 - 50, before: t0 + 1500 };
      const last = lastHeard(listener.frames.filter((f) => f.source === `interp-${onAir}`), hz[onAir], window);
      const first = firstHeard(listener.frames.filter((f) => f.source === `interp-${next}`), hz[next], window);
      if (last && first) {
        gaps.push(Math.max(0, first.t - last.t - 10));
        overlaps.push(Math.max(0, last.t - first.t + 10));
        lastOld.push(last.t - t0);
        firstNew.push(first.t - t0);
      }
      if (process.env.DEBUG && last && first && Math.abs(first.t - last.t) > 80) {
        const line = (src: string) => listener.frames.filter((x) => x.source === src && x.t > t0 - 30 && x.t < first.t + 100).map((x) => `${(x.t - t0).toFixed(0)}:${FREQS.map((f) => x.levels[f]!.toFixed(2)).join("/")}`).join(" ");
        console.log(order, i, "last old", (last.t - t0).toFixed(0), "first new", (first.t - t0).toFixed(0));
        console.log(` old interp-${onAir}: ${line(`interp-${onAir}`)}`);
        console.log(` new interp-${next}: ${line(`interp-${next}`)}`);
      }
      onAir = next;
    }
    console.log(`${order}:${missed ? ` new interpreter not heard within 5 s in ${missed} handovers` : ""}`);
    show("  both server calls", calls);
    show("  calls start → last frame of the old voice", lastOld);
    show("  calls start → first frame of the new voice", firstNew);
    show("  gap (silence between voices)", gaps);
    show("  overlap (both voices heard)", overlaps);
  }
  await close();
  await Promise.all([booth.a.close(), booth.b.close()]);
} finally {
  await dispose();
  await server.stop();
}
