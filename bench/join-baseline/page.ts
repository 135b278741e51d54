// The join baseline's page (bench/join-time.ts, bench/floor.ts): livekit-client and nothing else. It joins the room
// with a token the bench issued beforehand (in the URL fragment), plays the floor microphone and
// marks the first audible frame exactly as Plenary's page does (the same level meter, threshold,
// sampling interval, user-timing marks and data-first-audio-ms attribute), so the ratio of the two
// join times is Plenary's own overhead: its page, its token request and its React rendering.
import { Room, RoomEvent, Track } from "livekit-client";
import { AUDIBLE_LEVEL, startLevelMeter } from "../../client/src/lib/audio-level.ts";

// Kept equal to ROOM_OPTIONS in client/src/features/session/join-connector.ts (not imported: that
// module belongs to the join flow being measured, and the baseline must not pull in its changes).
const ROOM_OPTIONS = { adaptiveStream: true, dynacast: true, singlePeerConnection: false };
// The attribute the api sets in every token (api/src/tokens/grants.ts); interpreters are not the floor.
const ROLE_ATTRIBUTE = "plenary.role";

const { serverUrl, token } = JSON.parse(decodeURIComponent(location.hash.slice(1))) as { serverUrl: string; token: string };
const meter = document.querySelector<HTMLElement>('[data-testid="floor-audio-level"]')!;
const room = new Room(ROOM_OPTIONS);
room.once(RoomEvent.SignalConnected, () => performance.mark("plenary:signal-connected"));
room.once(RoomEvent.Connected, () => performance.mark("plenary:room-connected"));
room.once(RoomEvent.TrackSubscribed, () => performance.mark("plenary:first-track"));
room.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
  if (track.kind !== Track.Kind.Audio || track.source !== Track.Source.Microphone) return;
  if (participant.attributes[ROLE_ATTRIBUTE] === "interpreter" || meter.dataset.meterStarted) return;
  meter.dataset.meterStarted = "1";
  document.body.append(track.attach());
  performance.mark("plenary:meter-start");
  const stop = startLevelMeter(
    track.mediaStreamTrack,
    (level) => {
      if (level > AUDIBLE_LEVEL && !meter.dataset.firstAudioMs) meter.dataset.firstAudioMs = String(Math.round(performance.now()));
    },
    { intervalMs: 100, untilAudibleMs: 20 },
  );
  window.addEventListener("pagehide", stop);
});
performance.mark("plenary:connect-start");
void room.connect(serverUrl, token).then(() => (document.body.dataset.connected = "1"));

// For bench/floor.ts's baseline, with a token that may publish: the bare publish a floor grant
// leads to, and the reset between rounds (after the server took publishing away).
Object.assign(window, {
  baselinePublish: () => room.localParticipant.setMicrophoneEnabled(true).then(() => undefined),
  baselineReset: () => room.localParticipant.setMicrophoneEnabled(false).then(() => undefined),
});
