// Q1: does RoomServiceClient.mutePublishedTrack stop the SFU forwarding, and can the publisher
// undo it by itself? Run: npx tsx bench/spike/mute.ts
import { dispose, RoomEvent } from "@livekit/rtc-node";
import { countHeard, firstHeard, lastHeard } from "../../api/test/helpers/goertzel.ts";
import { joinToneListener, startTonePublisher } from "../../api/test/helpers/tones.ts";
import { FREQS, ms, muteLocalTrack, startServer } from "./lib.ts";

const server = await startServer();
const room = "spike-mute";
const settle = (msWait: number) => new Promise((r) => setTimeout(r, msWait)); // a spike observes windows of time
try {
  const booth = await startTonePublisher({ url: server.url, token: await server.token(room, "interp-a", { canPublish: true }), hz: 440 });
  const { listener, close } = await joinToneListener({ url: server.url, token: await server.token(room, "listener"), frequencies: FREQS });
  await listener.waitFor((f) => f.levels[440]! > 0.05);
  const sid = booth.publication!.sid!;
  const serverMutes: string[] = [];
  booth.room.on(RoomEvent.TrackMuted, (p) => serverMutes.push(`muted ${p.sid}`));
  booth.room.on(RoomEvent.TrackUnmuted, (p) => serverMutes.push(`unmuted ${p.sid}`));

  // 1. Server mute.
  const t0 = performance.now();
  await server.rooms.mutePublishedTrack(room, "interp-a", sid, true);
  const tAck = performance.now();
  await settle(1500);
  const last = lastHeard(listener.frames, 440, { after: t0 });
  const framesAfter = listener.frames.filter((f) => f.t > t0 + 500).length;
  console.log(`server mute: api call ${ms(tAck - t0)}; last 440 frame ${ms(last ? last.t - t0 : undefined)} after the call; ` +
    `440 frames from +500 ms to +1500 ms: ${countHeard(listener.frames, 440, { after: t0 + 500 })}; frames still arriving: ${framesAfter}`);
  console.log(`publisher saw: ${serverMutes.join(", ") || "nothing"}; publication.muted=${booth.publication?.muted}; server says muted=${(await server.rooms.getParticipant(room, "interp-a")).tracks[0]?.muted}`);

  // 2. Server unmute without enable_remote_unmute.
  await server.rooms.mutePublishedTrack(room, "interp-a", sid, false).then(
    () => console.log("server unmute (remote unmute disabled): accepted"),
    (e: Error) => console.log(`server unmute (remote unmute disabled): rejected: ${e.message}`),
  );

  // 3. The publisher unmutes itself, as a tampered client would.
  const t1 = performance.now();
  muteLocalTrack(booth.track!, false);
  const back = await listener.waitFor((f) => f.levels[440]! > 0.05, 5000).then((f) => f.t - t1, () => undefined);
  console.log(`publisher self-unmute after server mute: heard again ${back === undefined ? "NO (5 s)" : `YES after ${ms(back)}`}; server says muted=${(await server.rooms.getParticipant(room, "interp-a")).tracks[0]?.muted}`);

  // 4. A tampered client can also publish a fresh, unmuted track while it keeps canPublish.
  await server.rooms.mutePublishedTrack(room, "interp-a", sid, true);
  await settle(500);
  const t2 = performance.now();
  await booth.unpublish();
  booth.setFrequency(660);
  await booth.publish();
  const fresh = await listener.waitFor((f) => f.levels[660]! > 0.05, 5000).then((f) => f.t - t2, () => undefined);
  console.log(`republish a new track after server mute: heard ${fresh === undefined ? "NO (5 s)" : `YES after ${ms(fresh)}`}`);
  console.log(`first 660 frame at ${ms(firstHeard(listener.frames, 660)?.t && firstHeard(listener.frames, 660)!.t - t2)}`);

  await close();
  await booth.close();
} finally {
  await dispose();
  await server.stop();
}
