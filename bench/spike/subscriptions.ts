// Q5: server-side RoomServiceClient.updateSubscriptions on v1.11, and whether the listener's own
// client can undo it. Run: npx tsx bench/spike/subscriptions.ts
import { dispose, type RemoteTrackPublication } from "@livekit/rtc-node";
import { joinToneListener, startTonePublisher } from "../../api/test/helpers/tones.ts";
import { FREQS, ms, startServer, until } from "./lib.ts";

const server = await startServer();
const room = "spike-subscriptions";
const heard = (hz: number) => (f: { levels: Record<number, number> }) => f.levels[hz]! > 0.05;
const outcome = (p: Promise<{ t: number }>, since: number) => p.then((f) => `YES after ${ms(f.t - since)}`, () => "NO (3 s)");
try {
  const a = await startTonePublisher({ url: server.url, token: await server.token(room, "ch-440", { canPublish: true }), hz: 440 });
  await startTonePublisher({ url: server.url, token: await server.token(room, "ch-550", { canPublish: true }), hz: 550 });
  const { room: lr, listener, close } = await joinToneListener({ url: server.url, token: await server.token(room, "listener"), frequencies: FREQS, autoSubscribe: false });
  await until(() => lr.remoteParticipants.size === 2, "both channels are known");
  const pub = (identity: string) => [...lr.remoteParticipants.get(identity)!.trackPublications.values()][0] as RemoteTrackPublication;
  const sid440 = a.publication!.sid!;

  let t = performance.now();
  await server.rooms.updateSubscriptions(room, "listener", [sid440], true);
  console.log(`server subscribes the listener to 440: heard ${await outcome(listener.waitFor(heard(440), 3000), t)}`);

  t = performance.now();
  await server.rooms.updateSubscriptions(room, "listener", [sid440], false);
  await until(() => !pub("ch-440").subscribed, "the client sees the unsubscription", 3000).catch(() => undefined);
  const lastFrame = listener.frames.findLast((f) => f.source === "ch-440");
  console.log(`server unsubscribes it: client publication.subscribed=${pub("ch-440").subscribed}; last 440 frame ${ms(lastFrame && lastFrame.t - t)} after the call`);

  t = performance.now();
  pub("ch-440").setSubscribed(true);
  console.log(`listener re-subscribes itself (setSubscribed(true)): heard ${await outcome(listener.waitFor(heard(440), 3000), t)}`);

  await server.rooms.updateSubscriptions(room, "listener", [pub("ch-550").sid!], true);
  await listener.waitFor(heard(550), 3000);
  t = performance.now();
  pub("ch-550").setSubscribed(false);
  await until(() => !pub("ch-550").subscribed, "unsubscribed", 3000).catch(() => undefined);
  const after = listener.frames.filter((f) => f.t > t + 500 && heard(550)(f)).length;
  console.log(`server subscribed it to 550, listener unsubscribes itself: 550 frames from +500 ms: ${after}`);
  await close();
} finally {
  await dispose();
  await server.stop();
}
