import { describe, expect, test } from "vitest";
import { PARTICIPANT_ATTRIBUTES, roomNameFor, sessionIdFromRoom } from "@plenary/shared";
import { computeGrants, guestGrants } from "./grants.ts";

const sessionId = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";

describe("computeGrants", () => {
  test.each([
    // role,          publish, sources,                                                    admin, data
    ["attendee", false, [], false, false],
    ["speaker", false, [], false, false],
    ["stage", true, ["camera", "microphone", "screen_share", "screen_share_audio"], false, false],
    ["interpreter", true, ["microphone"], false, false],
    ["moderator", true, ["camera", "microphone"], true, true],
  ] as const)("%s: publish=%s sources=%j admin=%s data=%s", (role, canPublish, sources, roomAdmin, canPublishData) => {
    const { grants } = computeGrants({ role, sessionId, boothLanguage: role === "interpreter" ? "fr" : null });
    expect(grants).toEqual({
      roomJoin: true,
      room: roomNameFor(sessionId),
      roomAdmin,
      canSubscribe: true,
      canPublish,
      canPublishData,
      canPublishSources: [...sources],
      canUpdateOwnMetadata: false,
    });
  });

  test("an interpreter's booth language is a server-set attribute", () => {
    expect(computeGrants({ role: "interpreter", sessionId, boothLanguage: "ar" }).attributes).toMatchObject({ [PARTICIPANT_ATTRIBUTES.booth]: "ar" });
  });

  test("only interpreters carry a booth attribute", () => {
    expect(computeGrants({ role: "speaker", sessionId, boothLanguage: "ar" }).attributes).not.toHaveProperty(PARTICIPANT_ATTRIBUTES.booth);
  });

  test("an interpreter without a booth is a programming error", () => {
    expect(() => computeGrants({ role: "interpreter", sessionId })).toThrow(/booth/);
  });

  test("a guest of a listen link may only subscribe, and says it is a guest", () => {
    expect(guestGrants(sessionId)).toEqual({
      grants: {
        roomJoin: true,
        room: roomNameFor(sessionId),
        roomAdmin: false,
        canSubscribe: true,
        canPublish: false,
        canPublishData: false,
        canPublishSources: [],
        canUpdateOwnMetadata: false,
      },
      attributes: { [PARTICIPANT_ATTRIBUTES.role]: "guest" },
    });
  });

  test("room names round-trip to session ids and reject anything else", () => {
    expect(sessionIdFromRoom(roomNameFor(sessionId))).toBe(sessionId);
    expect(sessionIdFromRoom("lobby")).toBeUndefined();
  });
});
