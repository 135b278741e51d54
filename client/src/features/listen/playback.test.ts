import { describe, expect, test } from "vitest";
import { audioRoleOf, floorAudible, interpreterFor } from "./playback.ts";

const someone = (identity: string, role?: string, booth?: string) => ({
  identity,
  attributes: { ...(role ? { "plenary.role": role } : {}), ...(booth ? { "plenary.booth": booth } : {}) },
});

describe("which audio a listener plays", () => {
  test.each([
    // participant,                          on air,  expected
    [someone("stage-1", "stage"), null, "floor"],
    [someone("speaker-1", "speaker"), "fr-1", "floor"],
    [someone("chair", "moderator"), null, "floor"],
    [someone("fr-1", "interpreter", "fr"), "fr-1", "interpreter"],
    [someone("fr-2", "interpreter", "fr"), "fr-1", "ignore"],
    [someone("fr-1", "interpreter", "fr"), null, "ignore"],
    [someone("attendee-1", "attendee"), null, "ignore"],
    [someone("guest-x-1", "guest"), null, "ignore"],
    // A participant named like the on-air interpreter but not joined as one is not played as them.
    [someone("fr-1", "attendee"), "fr-1", "ignore"],
    [someone("no-role"), null, "ignore"],
  ] as const)("%j with %s on air → %s", (participant, onAir, expected) => {
    expect(audioRoleOf(participant, onAir)).toBe(expected);
  });

  test.each([
    [null, false, true],
    [null, true, true],
    ["fr-1", false, true],
    ["fr-1", true, false],
  ] as const)("on air %s, interpreter arrived %s → floor audible %s", (onAir, arrived, expected) => {
    expect(floorAudible(onAir, arrived)).toBe(expected);
  });
});

test("an interpreter on their phone hears the floor in their own channel, not their own voice", () => {
  const me = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
  expect(interpreterFor(me, `${me}:interpreter:listen`)).toBeNull();
  expect(interpreterFor(me, "2b7c1f8e-5d2a-4c1e-9f3b-000000000000:attendee:listen")).toBe(me);
  expect(interpreterFor(me, "guest-abc")).toBe(me);
  expect(interpreterFor(null, `${me}:interpreter:listen`)).toBeNull();
});
