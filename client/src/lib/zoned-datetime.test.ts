import { describe, expect, test } from "vitest";
import { isoToZonedLocal, zonedLocalToIso, zoneOffsetMinutes } from "./zoned-datetime.ts";

describe("zonedLocalToIso", () => {
  test.each([
    ["2024-05-27T09:00", "Europe/Zurich", "2024-05-27T09:00:00+02:00"],
    ["2024-01-15T09:00", "Europe/Zurich", "2024-01-15T09:00:00+01:00"],
    ["2024-05-27T09:00", "UTC", "2024-05-27T09:00:00+00:00"],
    ["2024-05-27T09:00", "America/New_York", "2024-05-27T09:00:00-04:00"],
    ["2024-05-27T09:00", "Asia/Kolkata", "2024-05-27T09:00:00+05:30"],
    ["2024-03-31T03:30", "Europe/Zurich", "2024-03-31T03:30:00+02:00"],
  ])("%s in %s → %s", (local, zone, expected) => {
    expect(zonedLocalToIso(local, zone)).toBe(expected);
  });

  test.each(["", "2024-05-27", "27/05/2024 09:00"])("rejects %j", (value) => {
    expect(zonedLocalToIso(value, "Europe/Zurich")).toBeUndefined();
  });
});

describe("isoToZonedLocal", () => {
  test.each([
    ["2024-05-27T07:00:00.000Z", "Europe/Zurich", "2024-05-27T09:00"],
    ["2024-05-27T23:30:00Z", "Asia/Tokyo", "2024-05-28T08:30"],
    ["2024-05-27T09:00:00+02:00", "America/New_York", "2024-05-27T03:00"],
  ])("%s in %s → %s", (iso, zone, expected) => {
    expect(isoToZonedLocal(iso, zone)).toBe(expected);
  });

  test("round-trips with zonedLocalToIso", () => {
    const iso = zonedLocalToIso("2024-05-29T14:45", "Europe/Zurich")!;
    expect(isoToZonedLocal(iso, "Europe/Zurich")).toBe("2024-05-29T14:45");
  });
});

test("zoneOffsetMinutes follows daylight saving time", () => {
  expect(zoneOffsetMinutes(new Date("2024-01-10T12:00:00Z"), "Europe/Zurich")).toBe(60);
  expect(zoneOffsetMinutes(new Date("2024-07-10T12:00:00Z"), "Europe/Zurich")).toBe(120);
});
