import { describe, expect, test } from "vitest";
import { floorIdentities, floorNeedsMute, floorNeedsReapply, type FloorView } from "./floor.rules.ts";

const U = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
const view = (identity: string, role: string, canPublish: boolean, openMicrophone = false): FloorView => ({ identity, role, canPublish, openMicrophone });

describe("floor views", () => {
  test("the speaker view holds the floor before the session page; the booth console never does", () => {
    expect(floorIdentities(U)).toEqual([`${U}:speaker:speak`, `${U}:speaker:session`, `${U}:attendee:session`, `${U}:moderator:session`]);
  });

  test.each([
    ["nobody connected", [], false],
    ["the holding view publishes", [view("a", "speaker", true)], false],
    ["the holding view rejoined without publishing", [view("a", "speaker", false)], true],
    ["another view still publishes by the floor", [view("a", "speaker", true), view("b", "attendee", true)], true],
    ["another view only listens", [view("a", "speaker", true), view("b", "attendee", false)], false],
    ["the chair's page publishes by its own role", [view("a", "attendee", true), view("b", "moderator", true)], false],
  ] as const)("%s → reapply %s", (_what, views, expected) => {
    expect(floorNeedsReapply(views)).toBe(expected);
  });

  test.each([
    ["muted, a microphone opened after the mute", true, [view("a", "speaker", true, true)], true],
    ["muted, the other view's microphone open", true, [view("a", "speaker", true), view("b", "attendee", true, true)], true],
    ["muted, every microphone muted at the SFU", true, [view("a", "speaker", true)], false],
    ["not muted", false, [view("a", "speaker", true, true)], false],
    ["muted, no view connected", true, [], false],
  ] as const)("%s → mute again %s", (_what, muted, views, expected) => {
    expect(floorNeedsMute(muted, views)).toBe(expected);
  });
});
