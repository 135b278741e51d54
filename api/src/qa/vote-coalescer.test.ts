import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createVoteCoalescer } from "./vote-coalescer.ts";

// Fake timers: the coalescer's schedule is tested without waiting for real time to pass.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setUp(intervalMs = 250) {
  const flushes: { at: number; sessionId: string; ids: string[] }[] = [];
  let fail = false;
  const errors: unknown[] = [];
  const coalescer = createVoteCoalescer({
    intervalMs,
    now: () => Date.now(),
    flush: async (sessionId, ids) => {
      if (fail) throw new Error("database down");
      flushes.push({ at: Date.now(), sessionId, ids: [...ids].sort() });
    },
    onError: (err) => errors.push(err),
  });
  return { coalescer, flushes, errors, setFail: (v: boolean) => (fail = v) };
}

describe("createVoteCoalescer", () => {
  test("the first vote after a quiet spell flushes at once", async () => {
    const { coalescer, flushes } = setUp();
    coalescer.mark("s1", "q1");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([{ at: Date.now(), sessionId: "s1", ids: ["q1"] }]);
  });

  test("a burst costs at most one flush per interval, and every marked question is flushed after its mark", async () => {
    const { coalescer, flushes } = setUp(250);
    const start = Date.now();
    for (let ms = 0; ms < 1000; ms += 1) {
      coalescer.mark("s1", `q${ms % 7}`);
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(250);
    expect(flushes.length).toBeLessThanOrEqual(5);
    const gaps = flushes.slice(1).map((f, i) => f.at - flushes[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
    expect(flushes.at(-1)!.at).toBeGreaterThanOrEqual(start + 999);
    expect(new Set(flushes.flatMap((f) => f.ids))).toEqual(new Set(["q0", "q1", "q2", "q3", "q4", "q5", "q6"]));
  });

  test("sessions are coalesced independently", async () => {
    const { coalescer, flushes } = setUp();
    coalescer.mark("s1", "a");
    coalescer.mark("s2", "b");
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes.map((f) => f.sessionId).sort()).toEqual(["s1", "s2"]);
  });

  test("a failed flush is reported and its questions are retried in the next one", async () => {
    const { coalescer, flushes, errors, setFail } = setUp();
    setFail(true);
    coalescer.mark("s1", "q1");
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    setFail(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(flushes).toEqual([expect.objectContaining({ ids: ["q1"] })]);
  });

  test("drain flushes what is pending without waiting for the interval", async () => {
    const { coalescer, flushes } = setUp(5000);
    coalescer.mark("s1", "q1");
    await vi.advanceTimersByTimeAsync(0);
    coalescer.mark("s1", "q2");
    await coalescer.drain();
    expect(flushes.map((f) => f.ids)).toEqual([["q1"], ["q2"]]);
    coalescer.close();
  });
});
