import type { TInterpretationState } from "@plenary/shared";
import { RoomEvent, Track } from "livekit-client";
import { describe, expect, test } from "vitest";
import { ListenerController, type RoomLike } from "./listener-controller.ts";

// Only the vendor boundary is faked: a LiveKit room with remote participants, publications and tracks.
class FakeTrack {
  volume = 1;
  elements = 0;
  readonly mediaStreamTrack = {} as MediaStreamTrack;
  setVolume(v: number) {
    this.volume = v;
  }
  readonly element = { muted: false } as HTMLMediaElement;
  attach() {
    this.elements++;
    return this.element;
  }
  detach() {
    this.elements--;
  }
}

class FakePublication {
  isDesired = true;
  isEnabled = true;
  audioTrack: FakeTrack | undefined = new FakeTrack();
  constructor(readonly source = Track.Source.Microphone) {}
  setSubscribed(on: boolean) {
    this.isDesired = on;
    this.audioTrack = on ? (this.audioTrack ?? new FakeTrack()) : undefined;
  }
  setEnabled(on: boolean) {
    this.isEnabled = on;
  }
}

function fakeRoom(options: { webAudioMix?: boolean } = {}) {
  const handlers = new Map<string, Set<() => void>>();
  const remoteParticipants = new Map<string, { identity: string; attributes: Record<string, string>; audioTrackPublications: Map<string, FakePublication> }>();
  const room = {
    options,
    remoteParticipants,
    on(event: string, fn: () => void) {
      (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(fn);
      return room;
    },
    off(event: string, fn: () => void) {
      handlers.get(event)?.delete(fn);
      return room;
    },
  };
  const join = (identity: string, role: string) => {
    const pub = new FakePublication();
    remoteParticipants.set(identity, { identity, attributes: { "plenary.role": role }, audioTrackPublications: new Map([["mic", pub]]) });
    for (const fn of handlers.get(RoomEvent.TrackSubscribed) ?? []) fn();
    return pub;
  };
  return { room: room as unknown as RoomLike, join, listening: () => [...handlers.values()].reduce((n, s) => n + s.size, 0) };
}

const stateWith = (seq: number, live: Record<string, string | null>): TInterpretationState => ({
  sessionId: "s",
  seq,
  floorLanguage: null,
  channels: Object.entries(live).map(([channel, identity]) => ({ channel: channel as "fr", status: identity ? "live" : "paused", identity, standby: null })),
});

/** Who is audible now: identity → volume, for every received track playing above zero. */
const audible = (pubs: Record<string, FakePublication>) =>
  Object.fromEntries(Object.entries(pubs).flatMap(([id, p]) => (p.isDesired && p.isEnabled && p.audioTrack && p.audioTrack.volume > 0 ? [[id, p.audioTrack.volume]] : [])));

describe.each(["gate", "enable"] as const)("listener controller, %s strategy", (strategy) => {
  test("plays exactly the chosen channel's on-air interpreter over the floor, and follows the state", () => {
    const { room, join } = fakeRoom();
    const pubs = { stage: join("stage", "stage"), fr1: join("fr1", "interpreter"), fr2: join("fr2", "interpreter"), es1: join("es1", "interpreter") };
    const controller = new ListenerController(room, { channel: "fr", floorLevel: 20 }, { strategy });
    // No state yet: the floor alone.
    expect(audible(pubs)).toEqual({ stage: 1 });

    controller.setState(stateWith(1, { fr: "fr1", es: "es1" }));
    expect(audible(pubs)).toEqual({ stage: 0.2, fr1: 1 });
    // The off-air partner is not even received; the other booth is received but silent.
    expect(pubs.fr2.isDesired).toBe(false);
    expect(pubs.es1.isDesired).toBe(true);
    expect(pubs.es1.isEnabled).toBe(strategy === "gate");
    expect([pubs.fr1.audioTrack!.element.muted, pubs.es1.audioTrack!.element.muted]).toEqual([false, true]);

    controller.setChoice({ channel: "es", floorLevel: 50 });
    expect(audible(pubs)).toEqual({ stage: 0.5, es1: 1 });

    // Handover in the French booth while listening to Spanish: still one voice.
    controller.setState(stateWith(2, { fr: "fr2", es: "es1" }));
    expect(audible(pubs)).toEqual({ stage: 0.5, es1: 1 });
    expect(pubs.fr1.isDesired).toBe(false);

    // The Spanish booth pauses: the floor at full level.
    controller.setState(stateWith(3, { fr: "fr2", es: null }));
    expect(audible(pubs)).toEqual({ stage: 1 });
    expect(controller.getSnapshot().mix.status).toBe("paused");

    controller.setChoice({ channel: "floor", floorLevel: 50 });
    expect(audible(pubs)).toEqual({ stage: 1 });
  });

  test("an interpreter who arrives later is placed by the same rule; dispose detaches everything", () => {
    const { room, join, listening } = fakeRoom();
    const stage = join("stage", "stage");
    const controller = new ListenerController(room, { channel: "fr", floorLevel: 30 }, { strategy });
    controller.setState(stateWith(1, { fr: "fr1" }));
    const fr1 = join("fr1", "interpreter");
    expect(audible({ stage, fr1 })).toEqual({ stage: 0.3, fr1: 1 });
    expect(fr1.audioTrack!.elements).toBe(1);
    // The floor is played by the session page's FloorAudio, not attached twice here.
    expect(stage.audioTrack!.elements).toBe(0);
    controller.dispose();
    expect(fr1.audioTrack!.elements).toBe(0);
    expect(listening()).toBe(0);
  });
});

test("the booth's controller plays the floor too, scaled by its source volume", () => {
  const { room, join } = fakeRoom();
  const stage = join("stage", "stage");
  const controller = new ListenerController(room, { channel: "floor", floorLevel: 0 }, { playFloor: true });
  controller.setMasterVolume(0.4);
  expect(stage.audioTrack!.volume).toBe(0.4);
  expect(stage.audioTrack!.elements).toBe(1);
  expect(controller.getSnapshot().primary).toBe(stage.audioTrack!.mediaStreamTrack);
});

test("through Web Audio (element volume ignored), a silent interpreter is detached, not eased out, and no element is unmuted", () => {
  const { room, join } = fakeRoom({ webAudioMix: true });
  const pubs = { stage: join("stage", "stage"), fr1: join("fr1", "interpreter"), es1: join("es1", "interpreter") };
  const controller = new ListenerController(room, { channel: "fr", floorLevel: 20 }, { strategy: "gate" });
  controller.setState(stateWith(1, { fr: "fr1", es: "es1" }));
  expect(audible(pubs)).toEqual({ stage: 0.2, fr1: 1 });
  // LiveKit keeps elements muted under Web Audio; the controller leaves them so.
  pubs.fr1.audioTrack!.element.muted = true;
  expect([pubs.fr1.audioTrack!.elements, pubs.es1.audioTrack!.elements]).toEqual([1, 0]);

  controller.setChoice({ channel: "es", floorLevel: 20 });
  expect([pubs.fr1.audioTrack!.elements, pubs.es1.audioTrack!.elements]).toEqual([0, 1]);
  // Still received: switching back needs nothing from the SFU.
  expect(pubs.fr1.isDesired && pubs.fr1.isEnabled).toBe(true);
  expect(pubs.fr1.audioTrack!.element.muted).toBe(true);
});
