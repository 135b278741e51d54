// Q2: revoking canPublish with updateParticipant (full permission set): how long until listeners
// stop hearing the interpreter, and after re-granting plus a client republish, how long until the
// first frame is heard again. Run: npx tsx bench/spike/permission.ts [rounds=20]
import { dispose, RoomEvent } from "@livekit/rtc-node";
import { lastHeard, percentiles } from "../../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../../api/test/helpers/tones.ts";
import { FREQS, ms, permission, startServer } from "./lib.ts";

const ROUNDS = Number(process.argv[2] ?? 20);
const server = await startServer();
const room = "spike-permission";
const settle = (msWait: number) => new Promise((r) => setTimeout(r, msWait));
const heard = (hz: number) => (f: { levels: Record<number, number> }) => f.levels[hz]! > 0.05;
try {
  const booth = await startTonePublisher({ url: server.url, token: await server.token(room, "interp-a", { canPublish: true }), hz: 440 });
  const { room: listenerRoom, listener, close } = await joinToneListener({ url: server.url, token: await server.token(room, "listener"), frequencies: FREQS });
  const unsubscribed: number[] = [];
  listenerRoom.on(RoomEvent.TrackUnsubscribed, () => unsubscribed.push(performance.now()));
  const revokeCall: number[] = [], silent: number[] = [], unsubscribedAfter: number[] = [], grantCall: number[] = [], publishCall: number[] = [], firstFrame: number[] = [];
  let refused = "";

  for (let round = 0; round < ROUNDS; round++) {
    await listener.waitFor(heard(440));
    const t0 = performance.now();
    await server.rooms.updateParticipant(room, "interp-a", { permission: permission(false) });
    revokeCall.push(performance.now() - t0);
    await settle(1000);
    const after = listener.frames.filter((f) => f.t > t0);
    if (process.env.DEBUG) console.log(round, after.length, after.slice(0, 3).map((f) => [f.t - t0, f.source, f.levels[440]]));
    silent.push((lastHeard(listener.frames, 440, { after: t0 })?.t ?? t0) - t0);
    unsubscribedAfter.push(unsubscribed.at(-1)! - t0);
    if (round === 0) refused = await booth.publish().then(() => "publish while revoked: ACCEPTED", (e: Error) => `publish while revoked: refused (${e.message})`);

    const t1 = performance.now();
    await server.rooms.updateParticipant(room, "interp-a", { permission: permission(true) });
    grantCall.push(performance.now() - t1);
    const t2 = performance.now();
    await booth.publish();
    publishCall.push(performance.now() - t2);
    firstFrame.push((await listener.waitFor(heard(440))).t - t1);
  }
  const show = (name: string, values: number[]) => {
    const p = percentiles(values);
    console.log(`${name.padEnd(52)} median ${ms(p.median)}  p95 ${ms(p.p95)}  max ${ms(p.max)}  (n=${p.n})`);
  };
  console.log(refused);
  show("revoke: updateParticipant call", revokeCall);
  show("revoke: call start → last 440 frame at listener", silent);
  show("revoke: call start → listener TrackUnsubscribed", unsubscribedAfter);
  show("re-grant: updateParticipant call", grantCall);
  show("re-grant: client publishTrack call", publishCall);
  show("re-grant: call start → first 440 frame at listener", firstFrame);
  await close();
  await booth.close();
} finally {
  await dispose();
  await server.stop();
}
