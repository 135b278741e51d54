import type { TInterpretationState } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { effectiveChannel, loadChoice, loadStrategy, mixFor, newerState, onAirIdentities, pauseAnnouncement, planTrack, saveChoice, type Mix } from "./channels.ts";

const state: Pick<TInterpretationState, "channels"> = {
  channels: [
    { channel: "fr", status: "live", identity: "fr-1", standby: null },
    { channel: "es", status: "paused", identity: null, standby: null },
    { channel: "en", status: "floor", identity: null, standby: null },
    { channel: "zh", status: "live", identity: "zh-1", standby: "zh-2" },
  ],
};

describe("what a listener hears", () => {
  test.each([
    ["floor", 20, { interpreter: null, floorVolume: 1, status: "floor" }],
    ["fr", 20, { interpreter: "fr-1", floorVolume: 0.2, status: "live" }],
    ["fr", 0, { interpreter: "fr-1", floorVolume: 0, status: "live" }],
    ["fr", 140, { interpreter: "fr-1", floorVolume: 1, status: "live" }],
    ["es", 20, { interpreter: null, floorVolume: 1, status: "paused" }],
    ["en", 20, { interpreter: null, floorVolume: 1, status: "floor" }],
    ["ru", 20, { interpreter: null, floorVolume: 1, status: "paused" }],
  ] as const)("channel %s at floor level %d", (channel, floorLevel, expected) => {
    expect(mixFor(state, { channel, floorLevel })).toEqual(expected);
  });

  test("an interpreter listening to their own channel from another page hears the floor, never themselves", () => {
    const me = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
    const mine = { channels: [{ channel: "fr" as const, status: "live" as const, identity: me, standby: "fr-2" }] };
    expect(mixFor(mine, { channel: "fr", floorLevel: 20 }, `${me}:interpreter:session`)).toEqual({ interpreter: null, floorVolume: 1, status: "live", ownVoice: true });
    // Their booth console is not received either; the partner on standby still is.
    expect([...onAirIdentities(mine, `${me}:interpreter:session`)]).toEqual(["fr-2"]);
    // Anyone else hears them.
    expect(mixFor(mine, { channel: "fr", floorLevel: 20 }, "2b7c1f8e-5d2a-4c1e-9f3b-000000000000:attendee:session")).toMatchObject({ interpreter: me });
  });

  test("before any state, the floor at full level", () => {
    expect(mixFor(undefined, { channel: "fr", floorLevel: 20 })).toEqual({ interpreter: null, floorVolume: 1, status: "paused" });
  });

  test("only live channels name interpreters to receive: the on-air voice and a partner offered the handover", () => {
    expect([...onAirIdentities(state)].sort()).toEqual(["fr-1", "zh-1", "zh-2"]);
  });

  test("a partner on standby is received but never played until the state names them", () => {
    const frenchMix: Mix = { interpreter: "fr-1", floorVolume: 0.2, status: "live" };
    expect(planTrack({ identity: "zh-2", interpreter: true }, frenchMix, onAirIdentities(state), "gate")).toEqual({ subscribe: true, enabled: true, volume: 0 });
  });
});

describe("one track's plan", () => {
  const onAir = new Set(["fr-1", "zh-1"]);
  const french: Mix = { interpreter: "fr-1", floorVolume: 0.2, status: "live" };
  const floor: Mix = { interpreter: null, floorVolume: 1, status: "floor" };
  test.each([
    ["floor under an interpreter", { identity: "stage", interpreter: false }, french, "gate", { subscribe: true, enabled: true, volume: 0.2 }],
    ["floor alone", { identity: "stage", interpreter: false }, floor, "gate", { subscribe: true, enabled: true, volume: 1 }],
    ["the chosen interpreter", { identity: "fr-1", interpreter: true }, french, "gate", { subscribe: true, enabled: true, volume: 1 }],
    ["another on-air interpreter, gated", { identity: "zh-1", interpreter: true }, french, "gate", { subscribe: true, enabled: true, volume: 0 }],
    ["another on-air interpreter, disabled", { identity: "zh-1", interpreter: true }, french, "enable", { subscribe: true, enabled: false, volume: 0 }],
    ["the chosen interpreter, enable strategy", { identity: "fr-1", interpreter: true }, french, "enable", { subscribe: true, enabled: true, volume: 1 }],
    ["an off-air partner is never received", { identity: "fr-2", interpreter: true }, french, "gate", { subscribe: false, enabled: false, volume: 0 }],
    ["an off-air interpreter named by a stale mix", { identity: "fr-2", interpreter: true }, { ...french, interpreter: "fr-2" }, "gate", { subscribe: false, enabled: false, volume: 0 }],
    ["every interpreter silent on the floor channel", { identity: "fr-1", interpreter: true }, floor, "gate", { subscribe: true, enabled: true, volume: 0 }],
  ] as const)("%s", (_name, track, mix, strategy, expected) => {
    expect(planTrack(track, mix, onAir, strategy)).toEqual(expected);
  });

  test("a master volume scales the interpreter and the floor", () => {
    expect(planTrack({ identity: "fr-1", interpreter: true }, french, onAir, "gate", 0.5).volume).toBe(0.5);
    expect(planTrack({ identity: "stage", interpreter: false }, french, onAir, "gate", 0.5).volume).toBeCloseTo(0.1);
  });
});

describe("choices and announcements", () => {
  test.each([
    ["fr", "fr"],
    ["ru", "floor"],
    ["floor", "floor"],
  ] as const)("a remembered %s becomes %s in this session", (wanted, expected) => {
    expect(effectiveChannel(state, wanted)).toBe(expected);
  });

  test.each([
    [undefined, { channel: "fr", status: "live" }, undefined],
    [{ channel: "fr", status: "live" }, { channel: "fr", status: "paused" }, "paused"],
    [{ channel: "fr", status: "paused" }, { channel: "fr", status: "live" }, "resumed"],
    [{ channel: "fr", status: "live" }, { channel: "fr", status: "live" }, undefined],
    [{ channel: "fr", status: "live" }, { channel: "es", status: "paused" }, undefined],
    [{ channel: "fr", status: "live" }, { channel: "fr", status: "floor" }, undefined],
  ] as const)("from %o to %o announces %s", (previous, next, expected) => {
    expect(pauseAnnouncement(previous, next)).toBe(expected);
  });

  test.each([
    [undefined, 3, 3],
    [4, 3, 4],
    [3, 3, 3],
    [3, 5, 5],
  ])("holding seq %s, a push with seq %s leaves seq %s", (current, incoming, expected) => {
    expect(newerState(current === undefined ? undefined : { seq: current }, { seq: incoming }).seq).toBe(expected);
  });

  test("the choice survives in storage, and garbage gives the default", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadChoice(storage)).toEqual({ channel: "floor", floorLevel: 20 });
    saveChoice({ channel: "ar", floorLevel: 35 }, storage);
    expect(loadChoice(storage)).toEqual({ channel: "ar", floorLevel: 35 });
    store.set("plenary.interpretation", "{not json");
    expect(loadChoice(storage)).toEqual({ channel: "floor", floorLevel: 20 });
    store.set("plenary.interpretation", JSON.stringify({ channel: "klingon", floorLevel: 10 }));
    expect(loadChoice(storage).channel).toBe("floor");
  });
});

test.each([
  [null, { strategy: "gate", measure: false }],
  ["enable", { strategy: "enable", measure: true }],
  ["gate", { strategy: "gate", measure: true }],
  ["anything", { strategy: "gate", measure: false }],
])("a stored strategy %s gives %o", (stored, expected) => {
  expect(loadStrategy({ getItem: () => stored })).toEqual(expected);
});
