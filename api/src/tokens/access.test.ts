import { describe, expect, test } from "vitest";
import { AppError } from "../errors.ts";
import { checkJoinAccess, type AccessInput } from "./access.ts";

const outcome = (input: AccessInput) => {
  try {
    checkJoinAccess(input);
    return "ok";
  } catch (err) {
    return (err as AppError).code;
  }
};

describe("checkJoinAccess", () => {
  test.each([
    // requested,    status,      organiser, held roles,      expected
    ["attendee", "LIVE", false, [], "ok"],
    ["attendee", "SCHEDULED", false, [], "SESSION_NOT_OPEN"],
    ["attendee", "ENDED", false, [], "SESSION_NOT_OPEN"],
    ["speaker", "SCHEDULED", false, ["SPEAKER"], "ok"],
    ["speaker", "LIVE", false, [], "FORBIDDEN"],
    ["stage", "SCHEDULED", false, ["STAGE"], "ok"],
    ["stage", "LIVE", false, ["SPEAKER"], "FORBIDDEN"],
    ["interpreter", "SCHEDULED", false, ["INTERPRETER"], "ok"],
    ["moderator", "SCHEDULED", false, ["MODERATOR"], "ok"],
    ["moderator", "LIVE", true, [], "ok"],
    ["speaker", "LIVE", true, [], "FORBIDDEN"],
    ["moderator", "ENDED", false, ["MODERATOR"], "SESSION_NOT_OPEN"],
  ] as const)("%s in a %s session (organiser=%s, holds %j) → %s", (requested, status, isOrganiser, roles, expected) => {
    expect(outcome({ requested, status, isOrganiser, held: roles.map((role) => ({ role, boothLanguage: role === "INTERPRETER" ? "fr" : null })) })).toBe(expected);
  });

  test("returns the booth language of the interpreter role held", () => {
    expect(checkJoinAccess({ requested: "interpreter", status: "LIVE", isOrganiser: false, held: [{ role: "INTERPRETER", boothLanguage: "zh" }] })).toEqual({ boothLanguage: "zh" });
  });
});
