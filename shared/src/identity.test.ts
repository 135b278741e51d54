import { describe, expect, test } from "vitest";
import { JOIN_ROLES, JOIN_VIEWS } from "./room.ts";
import { parseIdentity, participantIdentity, userIdOfIdentity } from "./identity.ts";

const userId = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";

describe("participant identities", () => {
  test("the interpreter's booth console is the bare user id (booth state names it so)", () => {
    expect(participantIdentity(userId, "interpreter", "booth")).toBe(userId);
  });

  test.each([
    ["attendee", "session", `${userId}:attendee:session`],
    ["speaker", "speak", `${userId}:speaker:speak`],
    ["speaker", "session", `${userId}:speaker:session`],
    ["moderator", "session", `${userId}:moderator:session`],
    ["stage", "stage", `${userId}:stage:stage`],
    ["interpreter", "session", `${userId}:interpreter:session`],
    ["attendee", "listen", `${userId}:attendee:listen`],
  ] as const)("%s from the %s view is %s", (role, view, identity) => {
    expect(participantIdentity(userId, role, view)).toBe(identity);
  });

  test("every role and view round-trips, and no two of them share an identity", () => {
    const all = JOIN_ROLES.flatMap((role) => JOIN_VIEWS.map((view) => ({ userId, role, view })));
    for (const who of all) {
      const identity = participantIdentity(who.userId, who.role, who.view);
      const parsed = parseIdentity(identity)!;
      expect(parsed.userId).toBe(userId);
      expect(participantIdentity(parsed.userId, parsed.role, parsed.view)).toBe(identity);
    }
    expect(new Set(all.map((w) => participantIdentity(w.userId, w.role, w.view))).size).toBe(all.length);
  });

  test.each([
    ["a listen-link guest", "guest-0b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f-AbCdEfGh"],
    ["a bot", "bench-listener-3"],
    ["an unknown role", `${userId}:president:session`],
    ["an unknown view", `${userId}:attendee:lobby`],
    ["a half identity", `${userId}:attendee`],
    ["upper-case hex", userId.toUpperCase()],
  ])("%s is nobody", (_what, identity) => {
    expect(parseIdentity(identity)).toBeUndefined();
    expect(userIdOfIdentity(identity)).toBeUndefined();
  });
});
