import { expect, test } from "vitest";
import { meterFraction, rmsLevel } from "./audio-level.ts";

const sine = (amplitude: number, n = 4800) => Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / 48000));

test.each([
  ["silence", new Array(128).fill(0), 0],
  ["no samples", [], 0],
  ["full-scale square wave", [1, -1, 1, -1], 1],
  ["sine at 0.5", sine(0.5), 0.5 / Math.SQRT2],
  ["sine at 0.02", sine(0.02), 0.02 / Math.SQRT2],
])("rmsLevel of %s", (_name, samples, expected) => {
  expect(rmsLevel(samples)).toBeCloseTo(expected, 3);
});

test.each([
  [0, 0],
  [0.001, 0],
  [0.01, 1 / 3],
  [0.1, 2 / 3],
  [1, 1],
  [2, 1],
])("meterFraction(%s) → %s", (level, fraction) => {
  expect(meterFraction(level)).toBeCloseTo(fraction, 5);
});
