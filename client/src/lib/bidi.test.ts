import { expect, test } from "vitest";
import { isolate } from "./bidi.ts";

test("isolates text between FSI and PDI, leaving it unchanged", () => {
  expect(isolate("Opening ceremony")).toBe("\u2068Opening ceremony\u2069");
  expect([...isolate("")]).toEqual(["\u2068", "\u2069"]);
});
