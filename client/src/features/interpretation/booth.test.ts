import type { TBoothInterpreter, TBoothsState } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { boothView, relayMap } from "./booth.ts";

const person = (userId: string, patch: Partial<TBoothInterpreter> = {}): TBoothInterpreter => ({
  userId,
  displayName: userId,
  present: true,
  relay: "floor",
  micOpen: false,
  coughing: false,
  ...patch,
});

function booths(fr: { onAir?: string; offerTo?: string; a?: Partial<TBoothInterpreter>; b?: Partial<TBoothInterpreter> }, extra: Partial<TBoothsState> = {}): TBoothsState {
  return {
    sessionId: "s",
    seq: 1,
    floorLanguage: null,
    floorListeners: 0,
    channels: [
      { channel: "fr", status: fr.onAir ? "live" : "paused", identity: fr.onAir ?? null, standby: null },
      { channel: "en", status: "paused", identity: null, standby: null },
    ],
    booths: [
      { language: "fr", onAirUserId: fr.onAir ?? null, offerToUserId: fr.offerTo ?? null, listeners: 3, interpreters: [person("a", fr.a), person("b", fr.b)] },
      { language: "en", onAirUserId: null, offerToUserId: null, listeners: 0, interpreters: [person("e", { relay: "fr" })] },
    ],
    ...extra,
  };
}

describe("the booth as its interpreter sees it", () => {
  test.each([
    ["off air", {}, { onAir: false, live: false, offeredToMe: false, offeredByMe: false, bothMicsOpen: false }],
    ["on air with the microphone open", { onAir: "a", a: { micOpen: true } }, { onAir: true, live: true }],
    ["on air but coughing", { onAir: "a", a: { micOpen: true, coughing: true } }, { onAir: true, live: false }],
    ["on air, microphone closed", { onAir: "a" }, { onAir: true, live: false }],
    ["offering the handover", { onAir: "a", offerTo: "b", a: { micOpen: true } }, { offeredByMe: true, offeredToMe: false }],
    ["offered the handover", { onAir: "b", offerTo: "a", b: { micOpen: true } }, { onAir: false, offeredToMe: true }],
    ["both microphones open", { onAir: "a", a: { micOpen: true }, b: { micOpen: true } }, { bothMicsOpen: true }],
    ["partner's open microphone while away does not count", { a: { micOpen: true }, b: { micOpen: true, present: false } }, { bothMicsOpen: false }],
    ["relay from a paused booth falls back to the floor", { a: { relay: "en" } }, { relayFallback: true }],
    ["relay from the floor never falls back", {}, { relayFallback: false }],
  ] as const)("%s", (_name, fr, expected) => {
    expect(boothView(booths(fr), "fr", "a")).toMatchObject(expected);
  });

  test("the floor in the booth's language is said so; the partner on air is named", () => {
    const view = boothView(booths({ onAir: "b", b: { micOpen: true } }, { floorLanguage: "fr" }), "fr", "a")!;
    expect(view.floorIsOurs).toBe(true);
    expect(view.partnerOnAir?.userId).toBe("b");
  });

  test("the relay map shows who takes from whom", () => {
    expect(relayMap(booths({ onAir: "a", a: { relay: "floor" } }))).toEqual([
      { language: "fr", sources: ["floor"], status: "live" },
      { language: "en", sources: ["fr"], status: "paused" },
    ]);
  });
});
