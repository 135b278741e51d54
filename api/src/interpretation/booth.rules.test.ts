import type { TChannel, TLanguage } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { channelStates, mayTake, relayCreatesLoop, type InterpreterRow } from "./booth.rules.ts";

const interpreter = (userId: string, language: TLanguage, over: Partial<InterpreterRow> = {}): InterpreterRow => ({
  userId,
  displayName: userId,
  language,
  relay: "floor",
  micOpen: true,
  coughing: false,
  present: true,
  ...over,
});

describe("channel states", () => {
  test.each([
    // on air, their state,                        floor language, expected status
    ["a", {}, null, "live"],
    ["a", { coughing: true }, null, "live"],
    ["a", { micOpen: false }, null, "paused"],
    ["a", { present: false }, null, "paused"],
    [null, {}, null, "paused"],
    ["a", {}, "fr", "floor"],
    [null, {}, "fr", "floor"],
  ] as const)("on air %s with %j, floor in %s → %s", (onAirId, over, floorLanguage, expected) => {
    const [fr] = channelStates(["fr"], floorLanguage, [{ language: "fr", onAirId, offerToId: null }], [interpreter("a", "fr", over)]);
    expect(fr!.status).toBe(expected);
    expect(fr!.identity).toBe(expected === "live" ? "a" : null);
  });
});

describe("relay loops", () => {
  // Existing relays: es takes fr, zh takes es.
  const booths = [interpreter("fr1", "fr"), interpreter("es1", "es", { relay: "fr" }), interpreter("zh1", "zh", { relay: "es" })];
  test.each([
    ["fr", "floor", "fr1", false],
    ["fr", "en", "fr1", false],
    ["fr", "fr", "fr1", true],
    ["fr", "zh", "fr1", true],
    ["fr", "es", "fr1", true],
    ["ar", "zh", "ar1", false],
    // Changing your own relay replaces your old edge: es moving from fr to zh loops through zh → es.
    ["es", "zh", "es1", true],
    ["zh", "fr", "zh1", false],
  ] as const)("%s taking %s (by %s) loops: %s", (booth, source, userId, loops) => {
    expect(relayCreatesLoop(booths, booth as TLanguage, source as TChannel, userId)).toBe(loops);
  });
});

describe("taking the channel", () => {
  test.each([
    [null, {}, true],
    ["me", {}, true],
    ["other", {}, false],
    ["other", { present: false }, true],
    ["other", { micOpen: false }, true],
  ] as const)("on air %s (%j): may take %s", (onAirId, over, expected) => {
    expect(mayTake({ language: "fr", onAirId, offerToId: null }, [interpreter("other", "fr", over), interpreter("me", "fr")], "me")).toBe(expected);
  });
});
