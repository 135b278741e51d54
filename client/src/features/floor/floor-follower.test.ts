import type { TFloorList, TFloorSnapshot, TFloorState, TMyFloor } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import { FloorFollower, newerMine, type FloorSocketLike } from "./floor-follower.ts";

type Listener = (...args: never[]) => void;
/** A socket that answers requests from a table (undefined: no answer, a timeout) and lets the test push broadcasts. */
function fakeSocket(answers: Record<string, (payload: unknown) => unknown>) {
  const handlers = new Map<string, Set<Listener>>();
  const sent: [string, unknown][] = [];
  const socket: FloorSocketLike & { push(event: string, payload?: unknown): void } = {
    connected: true,
    on: (e, fn) => (handlers.get(e) ?? handlers.set(e, new Set()).get(e)!).add(fn),
    off: (e, fn) => handlers.get(e)?.delete(fn),
    timeout: () => ({
      emitWithAck(event, payload) {
        sent.push([event, payload]);
        const answer = answers[event]?.(payload);
        return answer === undefined ? Promise.reject(new Error("operation has timed out")) : Promise.resolve(answer);
      },
    }),
    push: (event, payload) => handlers.get(event)?.forEach((fn) => (fn as (p: unknown) => void)(payload)),
  };
  return { socket, sent };
}

const SETTINGS = { speakingTimeSeconds: 180, autoRevoke: false, allowCamera: true };
const state = (seq: number, patch: Partial<TFloorState> = {}): TFloorState => ({
  sessionId: "s1",
  seq,
  serverNow: "2024-05-27T09:00:10.000Z",
  holders: [],
  queue: [],
  settings: SETTINGS,
  ...patch,
});
const mine = (requestId: string, status: TMyFloor["status"], endReason: TMyFloor["endReason"] = null): TMyFloor => ({
  sessionId: "s1",
  requestId,
  status,
  language: "fr",
  topic: null,
  declineReason: null,
  endReason,
});
const snapshot = (patch: Partial<TFloorSnapshot> = {}): TFloorSnapshot => ({ state: state(1), mine: null, list: null, canTake: false, canChair: false, ...patch });
const entry = (requestId: string) => ({ requestId, userId: `u-${requestId}`, displayName: requestId, organisation: null, language: "fr" as const, topic: null, requestedAt: "", addedByChair: false, staffRole: null });
const list = (seq: number, ids: string[]): TFloorList => ({ ...state(seq, { queue: ids }), entries: ids.map(entry) });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("newerMine", () => {
  test.each([
    ["nothing yet", null, mine("a", "QUEUED"), "QUEUED"],
    ["a late queued answer after the grant", mine("a", "GRANTED"), mine("a", "QUEUED"), "GRANTED"],
    ["a late grant after the end", mine("a", "ENDED", "revoked"), mine("a", "GRANTED"), "ENDED"],
    ["the end after the grant", mine("a", "GRANTED"), mine("a", "ENDED", "yielded"), "ENDED"],
    ["a new request after an old one ended", mine("a", "ENDED", "yielded"), mine("b", "QUEUED"), "QUEUED"],
  ])("%s", (_name, current, next, expected) => {
    expect(newerMine(current, next).status).toBe(expected);
  });
});

test("syncs on connect and on every reconnection, and keeps the newest state by sequence", async () => {
  let syncSeq = 3;
  const { socket, sent } = fakeSocket({ "floor:sync": () => ({ data: snapshot({ state: state(syncSeq) }) }) });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  expect(follower.getSnapshot()).toMatchObject({ synced: true, connected: true, state: { seq: 3 } });

  socket.push("floor:changed", state(5, { queue: ["x"] }));
  socket.push("floor:changed", state(4));
  socket.push("floor:changed", { ...state(9), sessionId: "another" });
  expect(follower.getSnapshot().state).toMatchObject({ seq: 5, queue: ["x"] });

  socket.push("disconnect");
  expect(follower.getSnapshot().connected).toBe(false);
  syncSeq = 7;
  sent.length = 0;
  socket.push("connect");
  await settle();
  expect(sent.map(([e]) => e)).toEqual(["floor:sync"]);
  expect(follower.getSnapshot()).toMatchObject({ connected: true, state: { seq: 7 } });
  follower.stop();
  expect(sent.map(([e]) => e)).toEqual(["floor:sync", "floor:leave"]);
});

test("reads every timer on the server's clock: the offset is the largest recent sample", async () => {
  let local = Date.parse("2024-05-27T09:00:00.000Z");
  const { socket } = fakeSocket({ "floor:sync": () => ({ data: snapshot({ state: state(1, { serverNow: "2024-05-27T09:00:10.000Z" }) }) }) });
  const follower = new FloorFollower(socket, "s1", () => local);
  follower.start();
  await settle();
  expect(follower.getSnapshot().offsetMs).toBe(10_000);
  // A state that spent two seconds in transit makes the server look behind: it does not lower the estimate.
  local += 5000;
  socket.push("floor:changed", state(2, { serverNow: "2024-05-27T09:00:13.000Z" }));
  expect(follower.getSnapshot().offsetMs).toBe(10_000);
  socket.push("floor:changed", state(3, { serverNow: "2024-05-27T09:00:15.500Z" }));
  expect(follower.getSnapshot().offsetMs).toBe(10_500);
});

test("one's own request follows its acks and pushes, never going back", async () => {
  const { socket } = fakeSocket({
    "floor:sync": () => ({ data: snapshot() }),
    "floor:request": () => ({ data: mine("a", "QUEUED") }),
    "floor:withdraw": () => ({ error: { code: "NOT_FOUND", message: "You have not asked for the floor." } }),
  });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  expect(follower.getSnapshot().mine).toBeNull();
  expect(await follower.request("fr", "Digital divide")).toEqual({ data: mine("a", "QUEUED") });
  socket.push("floor:mine-changed", mine("a", "GRANTED"));
  socket.push("floor:mine-changed", { ...mine("a", "QUEUED") });
  expect(follower.getSnapshot().mine?.status).toBe("GRANTED");
  expect(await follower.withdraw()).toMatchObject({ error: { code: "NOT_FOUND" } });
  expect(follower.getSnapshot().mine?.status).toBe("GRANTED");
});

test("a missing answer is a NETWORK error, and a refused sync is kept as the problem", async () => {
  const { socket } = fakeSocket({ "floor:sync": () => ({ error: { code: "FORBIDDEN", message: "no" } }) });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  expect(follower.getSnapshot()).toMatchObject({ synced: true, problem: "FORBIDDEN" });
  expect(await follower.request("fr")).toEqual({ error: { code: "NETWORK", message: "No answer from the server." } });
});

test("a speaker the chair stopped may ask but not take; once that request ends the server says whether they may take again", async () => {
  let canTake = true;
  const { socket, sent } = fakeSocket({ "floor:sync": () => ({ data: snapshot({ canTake }) }) });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  expect(follower.getSnapshot().canTake).toBe(true);
  socket.push("floor:mine-changed", mine("a", "GRANTED"));
  socket.push("floor:mine-changed", mine("a", "ENDED", "revoked"));
  expect(follower.getSnapshot().canTake).toBe(false);

  sent.length = 0;
  socket.push("floor:mine-changed", mine("b", "QUEUED"));
  socket.push("floor:mine-changed", mine("b", "GRANTED"));
  expect(sent).toEqual([]);
  socket.push("floor:mine-changed", mine("b", "ENDED", "yielded"));
  await settle();
  expect(sent.map(([e]) => e)).toEqual(["floor:sync"]);
  expect(follower.getSnapshot().canTake).toBe(true);
  canTake = false;
});

test("the chair's list: acks and pushes by sequence, a reorder shown at once and settled by the answer", async () => {
  let refuse = false;
  let held = list(2, ["a", "b", "c"]);
  const { socket, sent } = fakeSocket({
    "floor:sync": () => ({ data: snapshot({ canChair: true, list: held, state: held }) }),
    "floor:reorder": () => (refuse ? { error: { code: "CONFLICT", message: "" } } : { data: list(3, ["c", "a", "b"]) }),
  });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  const order = () => follower.getSnapshot().list?.entries.map((e) => e.requestId);
  expect(order()).toEqual(["a", "b", "c"]);

  const pending = follower.reorder("c", 0);
  expect(order()).toEqual(["c", "a", "b"]);
  await pending;
  expect(follower.getSnapshot().list?.seq).toBe(3);
  expect(follower.getSnapshot().state?.queue).toEqual(["c", "a", "b"]);

  socket.push("floor:list-changed", list(2, ["a", "b", "c"]));
  expect(order()).toEqual(["c", "a", "b"]);

  // Refused (the list changed meanwhile, with no broadcast yet): back to what the server holds.
  refuse = true;
  held = list(3, ["a", "b", "c"]);
  sent.length = 0;
  await follower.reorder("b", 0);
  expect(sent.map(([e]) => e)).toEqual(["floor:reorder", "floor:sync"]);
  expect(order()).toEqual(["a", "b", "c"]);
});

test("the chair's messages to this person are kept, for this session only", async () => {
  const { socket } = fakeSocket({ "floor:sync": () => ({ data: snapshot() }) });
  const follower = new FloorFollower(socket, "s1");
  follower.start();
  await settle();
  socket.push("floor:message-posted", { sessionId: "s1", fromName: "Chair", text: "Please conclude", at: "2024-05-27T09:01:00.000Z" });
  socket.push("floor:message-posted", { sessionId: "s2", fromName: "Chair", text: "Elsewhere", at: "2024-05-27T09:01:00.000Z" });
  expect(follower.getSnapshot().messages.map((m) => m.text)).toEqual(["Please conclude"]);
});

