import { EventEmitter } from "node:events";
import { RoomEvent, Track } from "livekit-client";
import { describe, expect, test } from "vitest";
import { FloorPlayer, type FloorRoom } from "./floor-player.ts";

// Only the vendor boundary is faked (LiveKit's room, publications and tracks, and the Web Audio
// meter, which Node lacks); the floor rules, attaching and metering are the real code. Chromium
// plays and meters the real thing in e2e/livepage.test.ts and bench/join-time.ts.
class FakeTrack {
  readonly mediaStreamTrack = { id: Math.random().toString(36) } as unknown as MediaStreamTrack;
  readonly elements = new Set<HTMLMediaElement>();
  attach() {
    const element = { track: this } as unknown as HTMLMediaElement;
    this.elements.add(element);
    return element;
  }
  detach(element: HTMLMediaElement) {
    this.elements.delete(element);
  }
}

class FakePublication {
  audioTrack: FakeTrack | undefined = new FakeTrack();
  constructor(readonly source: Track.Source = Track.Source.Microphone) {}
  get isSubscribed() {
    return this.audioTrack !== undefined;
  }
}

function fakeRoom(localIdentity = "me:attendee:session") {
  const remoteParticipants = new Map<string, { identity: string; attributes: Record<string, string>; audioTrackPublications: Map<string, FakePublication> }>();
  // LiveKit's Room is an event emitter too.
  const room = Object.assign(new EventEmitter(), { localParticipant: { identity: localIdentity }, remoteParticipants });
  const emit = (event: RoomEvent) => void room.emit(event);
  const join = (identity: string, role: string, source: Track.Source = Track.Source.Microphone) => {
    const pub = new FakePublication(source);
    const participant = remoteParticipants.get(identity) ?? { identity, attributes: { "plenary.role": role }, audioTrackPublications: new Map() };
    participant.audioTrackPublications.set(source, pub);
    remoteParticipants.set(identity, participant);
    emit(RoomEvent.TrackSubscribed);
    return pub;
  };
  const listening = () => room.eventNames().reduce((n, event) => n + room.listenerCount(event), 0);
  return { room: room as unknown as FloorRoom, join, emit, listening };
}

/** A meter that reports what the test says, per track. */
function fakeMeter() {
  const meters = new Map<MediaStreamTrack, (level: number) => void>();
  const meter = (track: MediaStreamTrack, onLevel: (level: number) => void) => {
    meters.set(track, onLevel);
    return () => meters.delete(track);
  };
  return { meter, meters };
}

// Identities are `<userId>:<role>:<view>` (shared/src/identity.ts); user ids are UUIDs.
const ME = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";

function setup(localIdentity?: string) {
  const fake = fakeRoom(localIdentity);
  const hosted = new Set<HTMLMediaElement>();
  const { meter, meters } = fakeMeter();
  let now = 1000;
  const player = new FloorPlayer(fake.room, { host: { add: (e) => hosted.add(e), remove: (e) => hosted.delete(e) }, meter, now: () => now });
  return { ...fake, player, hosted, meters, tick: (ms: number) => (now += ms) };
}

describe("FloorPlayer", () => {
  test("plays every floor track as it arrives, never an interpreter's channel or the listener's own voice", () => {
    const { join, player, hosted } = setup(`${ME}:attendee:session`);
    const stage = join("stage:stage:stage", "stage");
    const delegate = join(`${OTHER}:attendee:session`, "attendee");
    const slides = join("sp:speaker:speak", "speaker", Track.Source.ScreenShareAudio);
    const booth = join("interp", "interpreter");
    const ownSpeakerView = join(`${ME}:speaker:speak`, "speaker");
    const camera = join("cam:speaker:speak", "speaker", Track.Source.Camera);
    const tracks = [stage, delegate, slides].map((p) => p.audioTrack!.mediaStreamTrack);
    expect(new Set(player.playing)).toEqual(new Set(tracks));
    expect(hosted.size).toBe(3);
    for (const pub of [booth, ownSpeakerView, camera]) expect(pub.audioTrack!.elements.size).toBe(0);
  });

  test("meters the stage's desk feed first, and keeps when the floor was first heard across a change of track", () => {
    const { join, emit, player, meters, tick } = setup();
    const delegate = join("d:attendee:session", "attendee");
    expect([...meters.keys()]).toEqual([delegate.audioTrack!.mediaStreamTrack]);
    meters.get(delegate.audioTrack!.mediaStreamTrack)!(0.001);
    expect(player.getSnapshot()).toMatchObject({ level: 0.001, audible: false, firstAudioMs: undefined });
    tick(20);
    meters.get(delegate.audioTrack!.mediaStreamTrack)!(0.2);
    expect(player.getSnapshot()).toEqual({ level: 0.2, audible: true, firstAudioMs: 1020 });

    const stage = join("stage:stage:stage", "stage");
    expect([...meters.keys()]).toEqual([stage.audioTrack!.mediaStreamTrack]);
    tick(100);
    meters.get(stage.audioTrack!.mediaStreamTrack)!(0.3);
    expect(player.getSnapshot().firstAudioMs).toBe(1020);

    // "Audible" holds through a pause between words, then drops.
    tick(1000);
    meters.get(stage.audioTrack!.mediaStreamTrack)!(0);
    expect(player.getSnapshot().audible).toBe(true);
    tick(600);
    meters.get(stage.audioTrack!.mediaStreamTrack)!(0);
    expect(player.getSnapshot().audible).toBe(false);

    // The stage leaves: its element goes, and the delegate is metered again.
    stage.audioTrack = undefined;
    emit(RoomEvent.TrackUnsubscribed);
    expect(player.playing).toEqual([delegate.audioTrack!.mediaStreamTrack]);
    expect([...meters.keys()]).toEqual([delegate.audioTrack!.mediaStreamTrack]);
  });

  test("stops playing and metering when the room disconnects, and tells React of the level it leaves", () => {
    const { join, emit, player, hosted, meters, listening } = setup();
    const stage = join("stage:stage:stage", "stage");
    meters.get(stage.audioTrack!.mediaStreamTrack)!(0.5);
    const seen: number[] = [];
    player.subscribe(() => seen.push(player.getSnapshot().level));
    emit(RoomEvent.Disconnected);
    expect(stage.audioTrack!.elements.size).toBe(0);
    expect(hosted.size).toBe(0);
    expect(meters.size).toBe(0);
    expect(listening()).toBe(0);
    expect(seen).toEqual([0]);
    expect(player.getSnapshot().firstAudioMs).toBeDefined();
  });
});
