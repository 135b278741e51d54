import { describe, expect, test } from "vitest";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";
import { ACTIONS, allowedActions, decide, type Action, type PolicyInput } from "./policy.ts";

type Persona = "attendee" | "moderator" | "speaker" | "stage" | "interpreter" | "organiser";

const PERSONAS: Record<Persona, Omit<PolicyInput, "status">> = {
  attendee: { roles: [], isOrganiser: false },
  moderator: { roles: ["MODERATOR"], isOrganiser: false },
  speaker: { roles: ["SPEAKER"], isOrganiser: false },
  stage: { roles: ["STAGE"], isOrganiser: false },
  interpreter: { roles: ["INTERPRETER"], isOrganiser: false },
  organiser: { roles: [], isOrganiser: true },
};

const STATUS_LETTER: Record<SessionStatus, string> = { SCHEDULED: "S", LIVE: "L", ENDED: "E" };

/**
 * The whole policy as one table: for each action and persona, the session statuses (S, L, E) in
 * which it is allowed. A refusal is SESSION_NOT_OPEN where the persona would be allowed in another
 * status of a room-entry or floor action, FORBIDDEN otherwise.
 */
const EXPECTED: Record<Action, Record<Persona, string>> = {
  //                 attendee      moderator      speaker       stage         interpreter   organiser
  "session.follow": { attendee: "L", moderator: "SL", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "room.attend": { attendee: "L", moderator: "L", speaker: "L", stage: "L", interpreter: "L", organiser: "L" },
  "room.speak": { attendee: "", moderator: "", speaker: "SL", stage: "", interpreter: "", organiser: "" },
  "room.stage": { attendee: "", moderator: "", speaker: "", stage: "SL", interpreter: "", organiser: "" },
  "room.interpret": { attendee: "", moderator: "", speaker: "", stage: "", interpreter: "SL", organiser: "" },
  "room.chair": { attendee: "", moderator: "SL", speaker: "", stage: "", interpreter: "", organiser: "SL" },
  "qa.read": { attendee: "LE", moderator: "SLE", speaker: "SLE", stage: "SLE", interpreter: "SLE", organiser: "SLE" },
  "qa.follow": { attendee: "L", moderator: "SLE", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "qa.ask": { attendee: "L", moderator: "SLE", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "qa.vote": { attendee: "L", moderator: "SLE", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "qa.moderate": { attendee: "", moderator: "SLE", speaker: "", stage: "", interpreter: "", organiser: "SLE" },
  "qa.present": { attendee: "", moderator: "SLE", speaker: "", stage: "SLE", interpreter: "", organiser: "SLE" },
  "interpretation.listen": { attendee: "L", moderator: "SL", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "interpretation.booth": { attendee: "", moderator: "", speaker: "", stage: "", interpreter: "SL", organiser: "" },
  "interpretation.floor-language": { attendee: "", moderator: "SL", speaker: "", stage: "SL", interpreter: "", organiser: "SL" },
  "interpretation.watch-booths": { attendee: "", moderator: "SL", speaker: "", stage: "SL", interpreter: "SL", organiser: "SL" },
  "listen.manage-links": { attendee: "", moderator: "SLE", speaker: "", stage: "", interpreter: "", organiser: "SLE" },
  "floor.follow": { attendee: "L", moderator: "SL", speaker: "SL", stage: "SL", interpreter: "SL", organiser: "SLE" },
  "floor.request": { attendee: "L", moderator: "L", speaker: "L", stage: "L", interpreter: "L", organiser: "L" },
  "floor.take": { attendee: "", moderator: "", speaker: "L", stage: "", interpreter: "", organiser: "" },
  "floor.chair": { attendee: "", moderator: "SL", speaker: "", stage: "", interpreter: "", organiser: "SL" },
};

/** Actions whose holders are told the session is not open (rather than forbidden) in another status. */
const ROOM_ACTIONS = new Set<Action>(["room.attend", "room.speak", "room.stage", "room.interpret", "room.chair", "floor.request", "floor.take", "floor.chair"]);

const cases = ACTIONS.flatMap((action) =>
  (Object.keys(PERSONAS) as Persona[]).flatMap((persona) =>
    (["SCHEDULED", "LIVE", "ENDED"] as const).map((status) => {
      const allowedIn = EXPECTED[action][persona];
      const allowed = allowedIn.includes(STATUS_LETTER[status]);
      const code = allowed ? "allowed" : ROOM_ACTIONS.has(action) && allowedIn !== "" ? "SESSION_NOT_OPEN" : "FORBIDDEN";
      return [action, persona, status, code] as const;
    }),
  ),
);

describe("access policy", () => {
  test("the table names every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  test.each(cases)("%s by %s in a %s session → %s", (action, persona, status, expected) => {
    const decision = decide({ ...PERSONAS[persona], status }, action);
    expect(decision.allowed ? "allowed" : decision.code).toBe(expected);
  });

  test("several roles add up: a speaker who also interprets may enter as either", () => {
    const roles: StaffRole[] = ["SPEAKER", "INTERPRETER"];
    const actions = allowedActions({ roles, status: "LIVE", isOrganiser: false });
    expect(actions.has("room.speak") && actions.has("room.interpret")).toBe(true);
    expect(actions.has("room.stage")).toBe(false);
  });

  test("a refusal says why without internals", () => {
    expect(decide({ roles: [], status: "SCHEDULED", isOrganiser: false }, "room.attend")).toEqual({
      allowed: false,
      code: "SESSION_NOT_OPEN",
      message: "This session is not live yet.",
    });
    expect(decide({ roles: ["MODERATOR"], status: "ENDED", isOrganiser: false }, "room.chair")).toMatchObject({ message: "This session has ended." });
  });
});
