import type { TMe } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { consolePath, consolePathForRole, consolesFor } from "./consoles.ts";

const S = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
type Person = Pick<TMe, "roles" | "isOrganiser">;
const person = (roles: [string, TMe["roles"][number]["role"], string?][], isOrganiser = false): Person => ({
  isOrganiser,
  roles: roles.map(([sessionId, role, boothLanguage]) => ({ sessionId, role, boothLanguage: boothLanguage ?? null })),
});

describe("consolesFor", () => {
  test.each<[string, Person | null, "SCHEDULED" | "LIVE" | "ENDED", string[]]>([
    ["nobody signed in", null, "LIVE", []],
    ["a participant", person([]), "LIVE", []],
    ["a stage operator", person([[S, "STAGE"]]), "LIVE", ["stage"]],
    ["a stage operator before the start", person([[S, "STAGE"]]), "SCHEDULED", ["stage"]],
    ["a stage operator after the end: nothing left to run", person([[S, "STAGE"]]), "ENDED", []],
    ["a role in another session only", person([[OTHER, "MODERATOR"]]), "LIVE", []],
    ["a speaker", person([[S, "SPEAKER"]]), "LIVE", ["speak"]],
    ["several roles, in a fixed order", person([[S, "SPEAKER"], [S, "STAGE"], [S, "MODERATOR"]]), "LIVE", ["moderate", "stage", "speak"]],
    ["a moderator after the end keeps the archive", person([[S, "MODERATOR"], [S, "STAGE"]]), "ENDED", ["moderate"]],
    ["an organiser chairs any session and edits it", person([], true), "SCHEDULED", ["moderate", "edit"]],
    ["an organiser who is also the moderator gets one moderator console", person([[S, "MODERATOR"], [S, "STAGE"]], true), "LIVE", ["moderate", "stage", "edit"]],
  ])("%s", (_who, me, status, kinds) => {
    expect(consolesFor(me, { id: S, status }).map((c) => c.kind)).toEqual(kinds);
  });

  test("an interpreter's console names the booth's language", () => {
    expect(consolesFor(person([[S, "INTERPRETER", "fr"]]), { id: S, status: "LIVE" })).toEqual([{ kind: "booth", path: `/sessions/${S}/booth`, language: "fr" }]);
  });
});

test.each([
  ["moderate", `/sessions/${S}/moderate`],
  ["stage", `/sessions/${S}/stage`],
  ["booth", `/sessions/${S}/booth`],
  ["speak", `/sessions/${S}/speak`],
  ["edit", `/organiser/sessions/${S}`],
] as const)("the %s console lives at %s", (kind, path) => {
  expect(consolePath(kind, S)).toBe(path);
});

test.each([
  ["MODERATOR", "moderate"],
  ["STAGE", "stage"],
  ["INTERPRETER", "booth"],
  ["SPEAKER", "speak"],
] as const)("an accepted %s invitation leads to the %s console", (role, kind) => {
  expect(consolePathForRole(S, role)).toBe(`/sessions/${S}/${kind}`);
});
