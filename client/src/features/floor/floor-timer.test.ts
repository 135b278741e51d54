import { describe, expect, test } from "vitest";
import { ClockOffset, formatClock, releaseInSeconds, timerView } from "./floor-timer.ts";

const endsAt = "2024-05-27T09:03:00.000Z";
const at = (iso: string) => Date.parse(iso);

describe("timerView", () => {
  test.each([
    ["at the grant", "2024-05-27T09:00:00.000Z", 0, { secondsLeft: 180, phase: "running", clock: "03:00" }],
    ["31 s left", "2024-05-27T09:02:29.000Z", 0, { secondsLeft: 31, phase: "running", clock: "00:31" }],
    ["30 s left: the warning", "2024-05-27T09:02:30.000Z", 0, { secondsLeft: 30, phase: "warning", clock: "00:30" }],
    ["part of a second left still counts as a second", "2024-05-27T09:02:59.400Z", 0, { secondsLeft: 1, phase: "warning", clock: "00:01" }],
    ["the end", "2024-05-27T09:03:00.000Z", 0, { secondsLeft: 0, phase: "warning", clock: "00:00" }],
    ["overtime counts up", "2024-05-27T09:04:05.000Z", 0, { secondsLeft: -65, phase: "over", clock: "01:05" }],
    ["a local clock 10 s slow reads the server's time", "2024-05-27T09:02:20.000Z", 10_000, { secondsLeft: 30, phase: "warning", clock: "00:30" }],
    ["a local clock 10 s fast", "2024-05-27T09:02:40.000Z", -10_000, { secondsLeft: 30, phase: "warning", clock: "00:30" }],
  ])("%s", (_name, now, offset, expected) => {
    expect(timerView({ endsAt }, at(now), offset)).toEqual(expected);
  });
});

test.each([
  [0, "00:00"],
  [59, "00:59"],
  [600, "10:00"],
  [3599, "59:59"],
  [3725, "1:02:05"],
  [-5, "00:00"],
])("formatClock(%i) = %s", (seconds, expected) => {
  expect(formatClock(seconds)).toBe(expected);
});

test("a holder who dropped out is released after the grace, counted on the server's clock", () => {
  const holder = { disconnectedAt: "2024-05-27T09:01:00.000Z" };
  expect(releaseInSeconds({ disconnectedAt: null }, at("2024-05-27T09:01:00.000Z"), 0)).toBeUndefined();
  expect(releaseInSeconds(holder, at("2024-05-27T09:01:00.000Z"), 0)).toBe(20);
  expect(releaseInSeconds(holder, at("2024-05-27T09:01:05.000Z"), 0)).toBe(15);
  expect(releaseInSeconds(holder, at("2024-05-27T09:01:00.000Z"), 5000)).toBe(15);
  expect(releaseInSeconds(holder, at("2024-05-27T09:02:00.000Z"), 0)).toBe(0);
});

test("the clock offset is the largest of the recent samples, and old samples age out", () => {
  const clock = new ClockOffset();
  expect(clock.ms).toBe(0);
  clock.add("2024-05-27T09:00:10.000Z", at("2024-05-27T09:00:00.000Z"));
  clock.add("2024-05-27T09:00:11.000Z", at("2024-05-27T09:00:03.000Z"));
  expect(clock.ms).toBe(10_000);
  clock.add("not a time", 0);
  expect(clock.ms).toBe(10_000);
  // The local clock was corrected by 10 s: after eight new samples the old lead is forgotten.
  for (let i = 0; i < 8; i++) clock.add("2024-05-27T09:01:00.000Z", at("2024-05-27T09:01:00.000Z"));
  expect(clock.ms).toBe(0);
});
