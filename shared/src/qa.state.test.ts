import { describe, expect, test } from "vitest";
import { applyEvent, applyMyQuestion, applySnapshot, myQuestions, onScreen, publicQuestions, type QaState } from "./qa.state.ts";
import { followQa, type QaSocket } from "./qa.sync.ts";
import type { TQaSnapshot, TQuestion } from "./qa.types.ts";

const S = "s1";
const q = (id: string, over: Partial<TQuestion> = {}): TQuestion => ({
  id,
  sessionId: S,
  seq: 1,
  text: `Question ${id}?`,
  language: "en",
  status: "PUBLISHED",
  anonymous: false,
  authorName: "A",
  highlighted: false,
  voteCount: 0,
  reply: null,
  mergedIntoId: null,
  createdAt: `2024-05-27T09:00:0${id.length}.000Z`,
  publishedAt: "2024-05-27T09:00:00.000Z",
  answeredAt: null,
  repliedAt: null,
  ...over,
});
const snapshot = (over: Partial<TQaSnapshot>): TQaSnapshot => ({
  sessionId: S,
  seq: 0,
  mode: "MODERATED",
  view: "attendee",
  reset: true,
  questions: [],
  removed: [],
  mine: [],
  myVotes: [],
  ...over,
});
const base = (): QaState => applySnapshot(undefined, snapshot({ seq: 5, questions: [q("a", { seq: 3 }), q("b", { seq: 5 })] }));

describe("applySnapshot", () => {
  test("a delta merges changes and removals into what the client had", () => {
    const next = applySnapshot(base(), snapshot({ reset: false, seq: 7, questions: [q("c", { seq: 7 })], removed: ["a"] }));
    expect(Object.keys(next.questions).sort()).toEqual(["b", "c"]);
    expect(next.seq).toBe(7);
  });

  test("a reset replaces everything", () => {
    expect(Object.keys(applySnapshot(base(), snapshot({ seq: 9, questions: [q("z")] })).questions)).toEqual(["z"]);
  });
});

describe("applyEvent", () => {
  test.each([
    [5, "stale"],
    [4, "stale"],
    [7, "gap"],
  ] as const)("seq %i against a client at 5 is %s and changes nothing", (seq, outcome) => {
    const state = base();
    const result = applyEvent(state, { type: "asked", payload: { sessionId: S, seq, question: q("n", { seq }) } });
    expect(result).toEqual({ state, outcome });
  });

  test("the next seq applies: new questions, updates, removals, counts and mode", () => {
    let state = base();
    state = applyEvent(state, { type: "asked", payload: { sessionId: S, seq: 6, question: q("c", { seq: 6 }) } }).state;
    state = applyEvent(state, { type: "updated", payload: { sessionId: S, seq: 7, questions: [q("b", { seq: 7, highlighted: true })], removed: ["a"] } }).state;
    state = applyEvent(state, { type: "votes", payload: { sessionId: S, seq: 8, counts: [{ id: "c", voteCount: 4 }] } }).state;
    state = applyEvent(state, { type: "mode", payload: { sessionId: S, seq: 9, mode: "CLOSED" } }).state;
    expect(state.seq).toBe(9);
    expect(state.mode).toBe("CLOSED");
    expect(onScreen(state)?.id).toBe("b");
    expect(publicQuestions(state, "top").map((x) => [x.id, x.voteCount])).toEqual([
      ["c", 4],
      ["b", 0],
    ]);
  });

  test("an empty update (a change this audience cannot see) still advances the seq", () => {
    expect(applyEvent(base(), { type: "updated", payload: { sessionId: S, seq: 6, questions: [], removed: [] } }).state.seq).toBe(6);
  });
});

describe("own questions", () => {
  test("the asker's pending question is listed as theirs; withdrawing removes it", () => {
    let state = applyMyQuestion(base(), q("m", { status: "PENDING", seq: 6 }));
    expect(myQuestions(state).map((x) => x.status)).toEqual(["PENDING"]);
    expect(publicQuestions(state, "newest").map((x) => x.id)).not.toContain("m");
    state = applyMyQuestion(state, q("m", { status: "WITHDRAWN", seq: 7 }));
    expect(myQuestions(state)).toEqual([]);
  });

  test("an older private update never overwrites a newer copy", () => {
    const state = applyMyQuestion(applyMyQuestion(base(), q("m", { seq: 9, status: "PUBLISHED" })), q("m", { seq: 6, status: "PENDING" }));
    expect(state.questions.m!.status).toBe("PUBLISHED");
  });
});

/** A socket double: records emits, lets the test deliver events and answer acks in any order. */
function fakeSocket() {
  const handlers = new Map<string, Set<(...args: any[]) => void>>();
  const emits: { event: string; payload: any; ack?: (r: unknown) => void }[] = [];
  const double = {
    connected: true,
    on: (e: string, l: (...args: any[]) => void) => handlers.set(e, (handlers.get(e) ?? new Set()).add(l)),
    off: (e: string, l: (...args: any[]) => void) => handlers.get(e)?.delete(l),
    emit: (event: string, payload: unknown, ack?: (r: unknown) => void) => void emits.push({ event, payload, ack }),
    fire: (event: string, payload?: unknown) => handlers.get(event)?.forEach((l) => l(payload)),
  };
  // The follower uses only the members above of a Socket.IO client.
  return { socket: Object.assign(double as unknown as QaSocket, { fire: double.fire }), emits };
}

describe("followQa", () => {
  test("events that arrive during a sync are buffered, then applied in seq order after it", () => {
    const { socket, emits } = fakeSocket();
    const states: QaState[] = [];
    followQa(socket, { sessionId: S, onState: (s) => states.push(s) });
    expect(emits[0]).toMatchObject({ event: "qa:sync", payload: { sessionId: S, sinceSeq: undefined } });
    socket.fire("qa:question-asked", { sessionId: S, seq: 7, question: q("d", { seq: 7 }) });
    socket.fire("qa:question-asked", { sessionId: S, seq: 6, question: q("c", { seq: 6 }) });
    emits[0]!.ack!({ data: snapshot({ seq: 5, questions: [q("a")] }) });
    expect(states.at(-1)!.seq).toBe(7);
    expect(Object.keys(states.at(-1)!.questions).sort()).toEqual(["a", "c", "d"]);
  });

  test("a gap triggers a delta sync from the last seq held; a reconnect does too", () => {
    const { socket, emits } = fakeSocket();
    const follower = followQa(socket, { sessionId: S, onState: () => undefined });
    emits[0]!.ack!({ data: snapshot({ seq: 5 }) });
    socket.fire("qa:votes-changed", { sessionId: S, seq: 8, counts: [] });
    expect(emits[1]).toMatchObject({ event: "qa:sync", payload: { sinceSeq: 5 } });
    emits[1]!.ack!({ data: snapshot({ reset: false, seq: 8 }) });
    expect(follower.state!.seq).toBe(8);
    socket.fire("disconnect");
    socket.fire("connect");
    expect(emits[2]).toMatchObject({ event: "qa:sync", payload: { sinceSeq: 8 } });
  });

  test("the asker's private updates apply for attendees; moderators rely on their fuller stream", () => {
    const attendee = fakeSocket();
    const a = followQa(attendee.socket, { sessionId: S, onState: () => undefined });
    attendee.emits[0]!.ack!({ data: snapshot({ seq: 1 }) });
    attendee.socket.fire("qa:my-question-updated", { question: q("m", { status: "PENDING", seq: 2 }) });
    expect(a.state!.mine).toEqual(["m"]);

    const moderator = fakeSocket();
    const m = followQa(moderator.socket, { sessionId: S, onState: () => undefined });
    moderator.emits[0]!.ack!({ data: snapshot({ seq: 2, view: "moderator", questions: [q("m", { status: "PENDING", seq: 2 })] }) });
    moderator.socket.fire("qa:my-question-updated", { question: q("m", { status: "PENDING", seq: 2, text: "attendee view" }) });
    expect(m.state!.questions.m!.text).toBe("Question m?");
  });

  test("events of other sessions are ignored; stop leaves the session", () => {
    const { socket, emits } = fakeSocket();
    const follower = followQa(socket, { sessionId: S, onState: () => undefined });
    emits[0]!.ack!({ data: snapshot({ seq: 1 }) });
    socket.fire("qa:question-asked", { sessionId: "other", seq: 2, question: q("x") });
    expect(follower.state!.seq).toBe(1);
    follower.stop();
    expect(emits.at(-1)).toMatchObject({ event: "qa:leave", payload: { sessionId: S } });
  });
});
