import { describe, expect, test } from "vitest";
import { defaultDay, readFilters, writeFilters } from "./agenda-filters.ts";

const DAYS = ["2024-05-27", "2024-05-28", "2024-05-29"];

describe("readFilters", () => {
  test.each([
    ["", { day: undefined, type: undefined, language: undefined, liveNow: false }],
    ["day=2024-05-28&type=WORKSHOP&language=fr&live=1", { day: "2024-05-28", type: "WORKSHOP", language: "fr", liveNow: true }],
    ["day=2025-01-01&type=PARTY&language=de&live=yes", { day: undefined, type: undefined, language: undefined, liveNow: false }],
  ])("%j", (query, expected) => {
    expect(readFilters(new URLSearchParams(query), DAYS)).toEqual(expected);
  });
});

test("writeFilters round-trips and drops defaults", () => {
  const filters = { day: "2024-05-29", type: "POLICY" as const, language: undefined, liveNow: true };
  const params = writeFilters(filters);
  expect(params.toString()).toBe("day=2024-05-29&type=POLICY&live=1");
  expect(readFilters(params, DAYS)).toEqual(filters);
});

test.each([
  ["2024-05-28", "2024-05-28"],
  ["2024-06-10", "2024-05-27"],
])("defaultDay on %s → %s", (today, expected) => {
  expect(defaultDay(DAYS, today)).toBe(expected);
});
