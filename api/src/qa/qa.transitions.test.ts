import { QUESTION_STATUSES, type TQaModeratePayload, type TQuestionStatus } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { planTransition } from "./qa.transitions.ts";

const ID = "00000000-0000-4000-8000-000000000001";
const payload = (action: Exclude<TQaModeratePayload["action"], "merge">): Exclude<TQaModeratePayload, { action: "merge" }> =>
  action === "reply" ? { action, questionId: ID, text: "Thank you." } : ({ action, questionId: ID } as never);

// The whole table: every action from every status. `null` means the action is refused (409).
const EXPECTED: Record<Exclude<TQaModeratePayload["action"], "merge">, Partial<Record<TQuestionStatus, TQuestionStatus>>> = {
  approve: { PENDING: "PUBLISHED" },
  dismiss: { PENDING: "DISMISSED", PUBLISHED: "DISMISSED" },
  restore: { DISMISSED: "PUBLISHED", ARCHIVED: "PUBLISHED", ANSWERED: "PUBLISHED" },
  highlight: { PUBLISHED: "PUBLISHED" },
  unhighlight: { PUBLISHED: "PUBLISHED", ANSWERED: "ANSWERED" },
  answer: { PUBLISHED: "ANSWERED" },
  archive: { PUBLISHED: "ARCHIVED", ANSWERED: "ARCHIVED", DISMISSED: "ARCHIVED" },
  reply: { PUBLISHED: "PUBLISHED", ANSWERED: "ANSWERED" },
};

const table = Object.entries(EXPECTED).flatMap(([action, allowed]) =>
  QUESTION_STATUSES.map((from) => [action, from, allowed[from] ?? null] as const),
);

describe("planTransition", () => {
  test.each(table)("%s from %s → %s", (action, from, to) => {
    // Highlight state chosen so that only the status decides (unhighlight needs something on screen).
    const question = { status: from, highlighted: action === "unhighlight", mergedIntoId: null };
    const plan = () => planTransition(question, payload(action as never));
    if (to === null) {
      expect(plan).toThrow(expect.objectContaining({ code: "CONFLICT" }));
      return;
    }
    expect(plan().status ?? from).toBe(to);
  });

  test.each(["answer", "archive", "dismiss"] as const)("%s takes the question off the screen", (action) => {
    expect(planTransition({ status: "PUBLISHED", highlighted: true, mergedIntoId: null }, payload(action)).highlighted).toBe(false);
  });

  test("a merged question cannot be restored", () => {
    expect(() => planTransition({ status: "ARCHIVED", highlighted: false, mergedIntoId: ID }, payload("restore"))).toThrow(/merged/);
  });

  test("highlighting twice, or unhighlighting what is not on screen, is refused", () => {
    expect(() => planTransition({ status: "PUBLISHED", highlighted: true, mergedIntoId: null }, payload("highlight"))).toThrow(/already on screen/);
    expect(() => planTransition({ status: "PUBLISHED", highlighted: false, mergedIntoId: null }, payload("unhighlight"))).toThrow(/not on screen/);
  });

  test("restoring clears the dismissal reason and the answered time; approving keeps a first publication time", () => {
    expect(planTransition({ status: "DISMISSED", highlighted: false, mergedIntoId: null }, payload("restore"))).toEqual({
      status: "PUBLISHED",
      publishedAt: "keep-or-now",
      dismissReason: null,
      answeredAt: null,
    });
  });
});
