import { describe, expect, test } from "vitest";
import { analyseFrame, countHeard, firstHeard, goertzelLevel, handoverGap, hears, lastHeard, percentiles, rms, sineFrame, type ToneFrame } from "./goertzel.ts";

const RATE = 48_000;
const WATCHED = [440, 550, 660, 1000] as const;

describe("goertzelLevel", () => {
  test.each([
    { what: "440 Hz over 10 ms", length: 480, tones: [{ hz: 440, amplitude: 0.3 }], expected: { 440: 0.3 } },
    { what: "550 Hz over 10 ms", length: 480, tones: [{ hz: 550, amplitude: 0.3 }], expected: { 550: 0.3 } },
    { what: "1000 Hz over 20 ms", length: 960, tones: [{ hz: 1000, amplitude: 0.5 }], expected: { 1000: 0.5 } },
    { what: "a quiet 660 Hz", length: 480, tones: [{ hz: 660, amplitude: 0.06 }], expected: { 660: 0.06 } },
    { what: "440 and 660 Hz mixed", length: 480, tones: [{ hz: 440, amplitude: 0.2 }, { hz: 660, amplitude: 0.2 }], expected: { 440: 0.2, 660: 0.2 } },
    { what: "silence", length: 480, tones: [], expected: {} },
  ])("$what reads its amplitude at the tones present and near zero elsewhere", ({ length, tones, expected }) => {
    const samples = sineFrame(RATE, length, tones);
    for (const hz of WATCHED) {
      const want = (expected as Record<number, number>)[hz];
      if (want !== undefined) expect(goertzelLevel(samples, RATE, hz)).toBeCloseTo(want, 1);
      else expect(goertzelLevel(samples, RATE, hz)).toBeLessThan(0.04);
    }
  });

  test.each([0, 17, 123, 479])("reads the same whatever the phase the frame starts at (offset %i samples)", (offset) => {
    expect(goertzelLevel(sineFrame(RATE, 480, [{ hz: 440, amplitude: 0.3 }], offset), RATE, 440)).toBeCloseTo(0.3, 1);
  });

  test("an empty frame reads zero", () => {
    expect(goertzelLevel(new Int16Array(0), RATE, 440)).toBe(0);
  });
});

test.each([
  { tones: [], expected: 0 },
  { tones: [{ hz: 440, amplitude: 0.5 }], expected: 0.5 / Math.SQRT2 },
])("rms of $tones.length tone(s) is $expected", ({ tones, expected }) => {
  expect(rms(sineFrame(RATE, 480, tones))).toBeCloseTo(expected, 2);
});

/** A timeline of 10 ms frames from one source, each carrying the tones listed for it. */
const timeline = (tonesPerFrame: number[][], source = "a", start = 0): ToneFrame[] =>
  tonesPerFrame.map((hzs, i) =>
    analyseFrame(sineFrame(RATE, 480, hzs.map((hz) => ({ hz, amplitude: 0.3 })), i * 480), RATE, WATCHED, start + i * 10, source),
  );

describe("timeline queries", () => {
  const frames = timeline([[], [440], [440], [440, 550], [550], [], [550]]);

  test.each([
    { hz: 440, first: 10, last: 30, count: 3 },
    { hz: 550, first: 30, last: 60, count: 3 },
    { hz: 1000, first: undefined, last: undefined, count: 0 },
  ])("$hz Hz: first at $first, last at $last, $count frames", ({ hz, first, last, count }) => {
    expect(firstHeard(frames, hz)?.t).toBe(first);
    expect(lastHeard(frames, hz)?.t).toBe(last);
    expect(countHeard(frames, hz)).toBe(count);
  });

  test("a window limits the frames looked at", () => {
    expect(firstHeard(frames, 550, { after: 35 })?.t).toBe(40);
    expect(countHeard(frames, 550, { after: 35, before: 60 })).toBe(1);
    expect(hears(frames[3]!, 440) && hears(frames[3]!, 550)).toBe(true);
  });
});

describe("handoverGap", () => {
  test.each([
    { what: "back to back", a: [[440], [440], [], [], []], b: [[], [], [550], [550], [550]], gapMs: 0, overlapMs: 0 },
    { what: "a 30 ms silence", a: [[440], [], [], [], [], []], b: [[], [], [], [], [550], [550]], gapMs: 30, overlapMs: 0 },
    { what: "two voices for 20 ms", a: [[440], [440], [440], [440], []], b: [[], [], [550], [550], [550]], gapMs: 0, overlapMs: 20 },
  ])("$what, across two streams", ({ a, b, gapMs, overlapMs }) => {
    const frames = [...timeline(a, "old"), ...timeline(b, "new", 0.2)].sort((x, y) => x.t - y.t);
    expect(handoverGap(frames, 440, 550)).toMatchObject({ gapMs: expect.closeTo(gapMs, 0), overlapMs: expect.closeTo(overlapMs, 0) });
  });

  test("is undefined when the new tone never comes", () => {
    expect(handoverGap(timeline([[440], []]), 440, 550)).toBeUndefined();
  });
});

test("percentiles by nearest rank", () => {
  expect(percentiles([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ n: 10, median: 5, p95: 10, max: 10 });
});
