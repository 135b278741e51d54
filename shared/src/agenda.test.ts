import { describe, expect, test } from "vitest";
import { filterAgenda } from "./agenda.ts";
import type { TSession } from "./sessions.types.ts";
import { dayInZone, daysBetween, sameWallClock, timeInZone } from "./time.ts";

const session = (over: Partial<TSession>): TSession => ({
  id: over.title ?? "x",
  eventId: "e",
  title: "x",
  description: "",
  type: "POLICY",
  room: "Room 1",
  startsAt: "2024-05-27T07:00:00.000Z",
  endsAt: "2024-05-27T08:00:00.000Z",
  status: "SCHEDULED",
  languages: ["en", "fr"],
  qaMode: "MODERATED",
  isSample: true,
  ...over,
});

const agenda = [
  session({ title: "late night", startsAt: "2024-05-27T22:30:00.000Z" }), // 00:30 on the 28th in Geneva
  session({ title: "opening", type: "CEREMONY", status: "LIVE", languages: ["ar", "en"] }),
  session({ title: "workshop", type: "WORKSHOP", startsAt: "2024-05-28T12:00:00.000Z" }),
];

describe("filterAgenda", () => {
  test.each([
    [{}, ["opening", "late night", "workshop"]],
    [{ day: "2024-05-27" }, ["opening"]],
    [{ day: "2024-05-28" }, ["late night", "workshop"]],
    [{ type: "WORKSHOP" as const }, ["workshop"]],
    [{ language: "ar" as const }, ["opening"]],
    [{ liveNow: true }, ["opening"]],
    [{ day: "2024-05-28", type: "CEREMONY" as const }, []],
  ])("%j → %j", (query, titles) => {
    expect(filterAgenda(agenda, query, "Europe/Zurich").map((s) => s.title)).toEqual(titles);
  });
});

describe("time-zone helpers", () => {
  test("days are counted in the event's zone, not UTC", () => {
    expect(dayInZone("2024-05-27T22:30:00Z", "Europe/Zurich")).toBe("2024-05-28");
    expect(dayInZone("2024-05-27T22:30:00Z", "UTC")).toBe("2024-05-27");
  });
  test.each([
    ["Europe/Zurich", "09:00"],
    ["America/New_York", "03:00"],
    ["Asia/Tokyo", "16:00"],
  ])("09:00 in Geneva is %s → %s", (zone, expected) => {
    expect(timeInZone("2024-05-27T07:00:00Z", zone)).toBe(expected);
  });
  test("sameWallClock tells when a second column is unnecessary", () => {
    expect(sameWallClock("2024-05-27T07:00:00Z", "Europe/Zurich", "Europe/Paris")).toBe(true);
    expect(sameWallClock("2024-05-27T07:00:00Z", "Europe/Zurich", "Asia/Dubai")).toBe(false);
  });
  test("daysBetween is inclusive", () => {
    expect(daysBetween("2024-05-27", "2024-05-31")).toEqual(["2024-05-27", "2024-05-28", "2024-05-29", "2024-05-30", "2024-05-31"]);
  });
});
