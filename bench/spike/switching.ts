// Q3: a listener switching channel. (a) every channel subscribed, all but one paused with
// setEnabled (UpdateTrackSettings.disabled; livekit-client's RemoteTrackPublication.setEnabled);
// (b) every channel streaming, the client picks which to play; (c) unsubscribe the old channel and
// subscribe the new one (rtc-node's only public switch, setSubscribed). Time from the switch call
// to the first frame of the new channel's tone. Run: npx tsx bench/spike/switching.ts [switches=24]
import { dispose, type RemoteTrackPublication, type Room } from "@livekit/rtc-node";
import { lastHeard, percentiles } from "../../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../../api/test/helpers/tones.ts";
import { FREQS, ms, setPublicationEnabled, startServer, until } from "./lib.ts";

const SWITCHES = Number(process.argv[2] ?? 24);
const server = await startServer();
const room = "spike-switching";
const settle = (msWait: number) => new Promise((r) => setTimeout(r, msWait));
const channel = (hz: number) => `ch-${hz}`;
const publicationOf = (listenerRoom: Room, hz: number) => [...listenerRoom.remoteParticipants.get(channel(hz))!.trackPublications.values()][0] as RemoteTrackPublication;
const show = (name: string, values: number[]) => {
  const p = percentiles(values);
  console.log(`${name.padEnd(58)} median ${ms(p.median)}  p95 ${ms(p.p95)}  max ${ms(p.max)}  (n=${p.n})`);
};

type Strategy = "setEnabled" | "client gating" | "setSubscribed";
async function run(strategy: Strategy) {
  const { room: lr, listener, close } = await joinToneListener({
    url: server.url,
    token: await server.token(room, `listener-${strategy}`),
    frequencies: FREQS,
    autoSubscribe: strategy !== "setSubscribed",
  });
  await until(() => FREQS.every((hz) => lr.remoteParticipants.get(channel(hz))?.trackPublications.size === 1), "all channels are known");
  let current: number = FREQS[0];
  if (strategy === "setEnabled") for (const hz of FREQS.slice(1)) setPublicationEnabled(publicationOf(lr, hz), false);
  if (strategy === "setSubscribed") publicationOf(lr, current).setSubscribed(true);
  await listener.waitFor((f) => f.source === channel(current) && f.levels[current]! > 0.05);
  const first: number[] = [];
  const tail: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const next = FREQS[(FREQS.indexOf(current as (typeof FREQS)[number]) + 1 + (i % 3)) % FREQS.length]!;
    await settle(300);
    const t0 = performance.now();
    if (strategy === "setEnabled") {
      setPublicationEnabled(publicationOf(lr, current), false);
      setPublicationEnabled(publicationOf(lr, next), true);
    } else if (strategy === "setSubscribed") {
      publicationOf(lr, current).setSubscribed(false);
      publicationOf(lr, next).setSubscribed(true);
    }
    const heard = await listener.waitFor((f) => f.source === channel(next) && f.levels[next]! > 0.05, 5000);
    first.push(heard.t - t0);
    if (strategy !== "client gating") {
      await settle(300);
      // How long the old channel still sounded after the switch on its own stream.
      const old = lastHeard(listener.frames.filter((f) => f.source === channel(current)), current, { after: t0 });
      tail.push(old ? old.t - t0 : 0);
    }
    current = next;
  }
  show(`${strategy}: switch → first frame of the new channel`, first);
  if (tail.length) show(`${strategy}: switch → last frame of the old channel`, tail);
  await close();
}

try {
  const channels = await Promise.all(FREQS.map(async (hz) => startTonePublisher({ url: server.url, token: await server.token(room, channel(hz), { canPublish: true }), hz })));
  for (const strategy of ["setEnabled", "client gating", "setSubscribed"] as const) await run(strategy);
  await Promise.all(channels.map((c) => c.close()));
} finally {
  await dispose();
  await server.stop();
}
