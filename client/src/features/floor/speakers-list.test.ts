import { describe, expect, test } from "vitest";
import { dropIndex, floorAnnouncement, keyboardMoveTarget, moveTo, queuePosition, type OwnFloor } from "./speakers-list.ts";

describe("queuePosition", () => {
  const state = { queue: ["a", "b", "c"] };
  test.each([
    ["first", { requestId: "a", status: "QUEUED" as const }, 1],
    ["third", { requestId: "c", status: "QUEUED" as const }, 3],
    ["holding the floor", { requestId: "a", status: "GRANTED" as const }, undefined],
    ["not in the list (yet)", { requestId: "z", status: "QUEUED" as const }, undefined],
    ["never asked", null, undefined],
  ])("%s", (_name, mine, expected) => {
    expect(queuePosition(state, mine)).toBe(expected);
  });
  test("no state yet", () => expect(queuePosition(undefined, { requestId: "a", status: "QUEUED" })).toBeUndefined());
});

test.each([
  [["a", "b", "c"], "c", 0, ["c", "a", "b"]],
  [["a", "b", "c"], "a", 2, ["b", "c", "a"]],
  [["a", "b", "c"], "a", 99, ["b", "c", "a"]],
  [["a", "b", "c"], "b", -3, ["b", "a", "c"]],
  [["a", "b", "c"], "z", 0, ["a", "b", "c"]],
])("moveTo(%j, %s, %i) = %j", (items, item, index, expected) => {
  expect(moveTo(items, item, index)).toEqual(expected);
});

describe("keyboard reorder: Alt+ArrowUp / Alt+ArrowDown on a focused row", () => {
  test.each([
    [{ key: "ArrowUp", altKey: true }, 2, 4, 1],
    [{ key: "ArrowDown", altKey: true }, 2, 4, 3],
    [{ key: "ArrowUp", altKey: true }, 0, 4, undefined],
    [{ key: "ArrowDown", altKey: true }, 3, 4, undefined],
    [{ key: "ArrowUp", altKey: false }, 2, 4, undefined],
    [{ key: "Enter", altKey: true }, 2, 4, undefined],
  ])("%j at %i of %i → %s", (event, index, length, expected) => {
    expect(keyboardMoveTarget(event, index, length)).toBe(expected);
  });
});

describe("dropIndex: a dragged row dropped before or after another", () => {
  // The list is a b c d; the index is where the row lands once taken out of the list.
  test.each([
    ["d before a", 3, 0, false, 0],
    ["d after a", 3, 0, true, 1],
    ["a after d", 0, 3, true, 3],
    ["a before d", 0, 3, false, 2],
    ["a after b", 0, 1, true, 1],
    ["b before c: where it is", 1, 2, false, undefined],
    ["b after a: where it is", 1, 0, true, undefined],
    ["on itself", 1, 1, false, undefined],
  ])("%s", (_name, from, over, after, expected) => {
    expect(dropIndex(from, over, after)).toBe(expected);
  });
});

describe("floorAnnouncement: what the participant's live region says", () => {
  const queued = (position: number): OwnFloor => ({ status: "QUEUED", position });
  test.each<[string, OwnFloor, OwnFloor, ReturnType<typeof floorAnnouncement>]>([
    ["joining the list", {}, queued(4), { kind: "queued", position: 4 }],
    ["moving within the first places", queued(3), queued(2), { kind: "moved", position: 2 }],
    ["becoming next", queued(2), queued(1), { kind: "next" }],
    ["moving far down the list: quiet", queued(9), queued(8), undefined],
    ["nothing changed", queued(2), queued(2), undefined],
    ["given the floor", queued(1), { status: "GRANTED" }, { kind: "granted" }],
    ["muted by the chair", { status: "GRANTED", muted: false }, { status: "GRANTED", muted: true }, { kind: "muted" }],
    ["unmuted", { status: "GRANTED", muted: true }, { status: "GRANTED", muted: false }, { kind: "unmuted" }],
    ["taken back", { status: "GRANTED" }, { status: "ENDED", endReason: "revoked" }, { kind: "taken-back" }],
    ["time up", { status: "GRANTED" }, { status: "ENDED", endReason: "timer" }, { kind: "time-up" }],
    ["declined", queued(2), { status: "DECLINED" }, { kind: "declined" }],
    ["withdrawn by oneself: they know", queued(2), { status: "WITHDRAWN", endReason: "yielded" }, undefined],
    ["yielded by oneself", { status: "GRANTED" }, { status: "ENDED", endReason: "yielded" }, undefined],
  ])("%s", (_name, prev, next, expected) => {
    expect(floorAnnouncement(prev, next)).toEqual(expected);
  });
});
