import type { TQuestion } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { charsLeft, countByStatus, myStatus, newClientId, qaErrorKey, queueOf, quickActions, shortcutAction } from "./qa-format.ts";

const q = (over: Partial<TQuestion>): TQuestion => ({
  id: "q",
  sessionId: "s",
  seq: 1,
  text: "?",
  language: "en",
  status: "PUBLISHED",
  anonymous: false,
  authorName: null,
  highlighted: false,
  voteCount: 0,
  reply: null,
  mergedIntoId: null,
  createdAt: "2024-05-27T09:00:00.000Z",
  publishedAt: null,
  answeredAt: null,
  repliedAt: null,
  ...over,
});

test("client ids are fresh, URL-safe and long enough for the api", () => {
  const [a, b] = [newClientId(), newClientId()];
  expect(a).toMatch(/^[0-9a-f]{32}$/);
  expect(a).not.toBe(b);
});

test("the character budget counts code points after trimming", () => {
  expect(charsLeft("  数字鸿沟  ")).toBe(496);
  expect(charsLeft("x".repeat(501))).toBe(-1);
});

test.each([
  ["RATE_LIMITED", "ask", "qa.errors.askRateLimited"],
  ["CONFLICT", "ask", "qa.errors.closed"],
  ["RATE_LIMITED", "vote", "qa.errors.voteRateLimited"],
  ["FORBIDDEN", "moderate", "qa.errors.notModerator"],
  ["FORBIDDEN", "sync", "qa.errors.notMember"],
  ["NETWORK", "ask", "errors.NETWORK"],
  ["INTERNAL", "moderate", "errors.INTERNAL"],
] as const)("%s while %s is explained by %s", (code, context, key) => {
  expect(qaErrorKey(code, context)).toBe(key);
});

test("a merged duplicate reads as merged to its asker", () => {
  expect(myStatus(q({ status: "ARCHIVED", mergedIntoId: "other" }))).toBe("MERGED");
  expect(myStatus(q({ status: "DISMISSED" }))).toBe("DISMISSED");
});

describe("console", () => {
  test("counts per tab and queue order", () => {
    const list = [
      q({ id: "p2", status: "PENDING", createdAt: "2024-05-27T09:02:00.000Z" }),
      q({ id: "p1", status: "PENDING", createdAt: "2024-05-27T09:01:00.000Z" }),
      q({ id: "low", voteCount: 1 }),
      q({ id: "high", voteCount: 9 }),
      q({ id: "screen", voteCount: 0, highlighted: true }),
      q({ id: "w", status: "WITHDRAWN" }),
    ];
    expect(countByStatus(list)).toEqual({ PENDING: 2, PUBLISHED: 3, ANSWERED: 0, ARCHIVED: 0, DISMISSED: 0 });
    expect(queueOf(list, "PENDING").map((x) => x.id)).toEqual(["p1", "p2"]);
    expect(queueOf(list, "PUBLISHED").map((x) => x.id)).toEqual(["screen", "high", "low"]);
  });

  test.each([
    ["PENDING", false, ["approve", "dismiss"]],
    ["PUBLISHED", false, ["highlight", "answer", "dismiss", "archive"]],
    ["PUBLISHED", true, ["unhighlight", "answer", "dismiss", "archive"]],
    ["ANSWERED", false, ["restore", "archive"]],
    ["DISMISSED", false, ["restore", "archive"]],
    ["ARCHIVED", false, ["restore"]],
  ] as const)("a %s question (on screen: %s) offers %j", (status, highlighted, actions) => {
    expect(quickActions(q({ status, highlighted }))).toEqual(actions);
  });

  test.each([
    ["a", "PENDING", false, "approve"],
    ["A", "PENDING", false, "approve"],
    ["d", "PUBLISHED", false, "dismiss"],
    ["h", "PUBLISHED", false, "highlight"],
    ["h", "PUBLISHED", true, "unhighlight"],
    ["m", "PUBLISHED", false, "answer"],
    ["a", "PUBLISHED", false, undefined],
    ["m", "PENDING", false, undefined],
    ["x", "PENDING", false, undefined],
  ] as const)("key %s on a %s question (on screen: %s) → %s", (key, status, highlighted, action) => {
    expect(shortcutAction(key, q({ status, highlighted }))).toBe(action);
  });
});
