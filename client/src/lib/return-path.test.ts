import { expect, test } from "vitest";
import { loginPathFor, safeReturnPath } from "./return-path.ts";

test.each([
  ["/sessions/abc?as=stage", "/sessions/abc?as=stage"],
  ["/", "/"],
  ["//evil.example/x", undefined],
  ["/\\evil.example", undefined],
  ["https://evil.example", undefined],
  ["javascript:alert(1)", undefined],
  ["", undefined],
  [null, undefined],
])("safeReturnPath(%j) → %j", (input, expected) => {
  expect(safeReturnPath(input)).toBe(expected);
});

test("loginPathFor encodes the return path", () => {
  expect(loginPathFor("/sessions/1?as=stage")).toBe("/login?next=%2Fsessions%2F1%3Fas%3Dstage");
});
