import { describe, expect, test } from "vitest";
import { formatDayTab, formatEventDates, formatSessionTimes } from "./session-time.ts";

const opening = { startsAt: "2024-05-27T07:00:00.000Z", endsAt: "2024-05-27T08:30:00.000Z" };

describe("formatSessionTimes", () => {
  test("shows only venue time when the viewer shares its wall clock", () => {
    const times = formatSessionTimes(opening, "Europe/Zurich", "Europe/Paris", "en-GB");
    expect(times.venue.range).toMatch(/^09:00\s*–\s*10:30$/);
    expect(times.viewer).toBeUndefined();
  });

  test.each([
    ["Asia/Singapore", /^15:00\s*–\s*16:30$/, "Mon 27 May"],
    ["America/New_York", /^03:00\s*–\s*04:30$/, "Mon 27 May"],
    ["Pacific/Auckland", /^19:00\s*–\s*20:30$/, "Mon 27 May"],
    ["Pacific/Honolulu", /^21:00\s*–\s*22:30$/, "Sun 26 May"],
  ])("adds the viewer's time in %s", (zone, range, day) => {
    const times = formatSessionTimes(opening, "Europe/Zurich", zone, "en-GB");
    expect(times.viewer?.range).toMatch(range);
    expect(times.viewer?.day.replace(",", "")).toBe(day);
    expect(times.venue.zone).toBe("CEST");
  });

  test("formats in Arabic", () => {
    const times = formatSessionTimes(opening, "Europe/Zurich", "Asia/Dubai", "ar");
    expect(times.viewer).toBeDefined();
    expect(times.venue.range).not.toMatch(/[a-z]/i);
  });
});

test.each([
  ["2024-05-27", "2024-05-31", "en-GB", /^27\s*–\s*31 May 2024$/],
  ["2024-05-30", "2024-06-02", "en-GB", /^30 May\s*–\s*2 June 2024$/],
])("formatEventDates(%s, %s, %s)", (start, end, locale, expected) => {
  expect(formatEventDates(start, end, locale)).toMatch(expected);
});

test("formatDayTab", () => {
  expect(formatDayTab("2024-05-27", "en-GB")).toEqual({ weekday: "Mon", date: "27 May" });
});

test.each([
  ["zh", /5月27日/],
  ["fr", /27 mai/],
  ["ru", /27 мая/],
  ["es", /27 may/],
  ["ar", /مايو/],
])("the day is written the %s way", (locale, day) => {
  expect(formatSessionTimes(opening, "Europe/Zurich", "Asia/Shanghai", locale).viewer?.day).toMatch(day);
});
