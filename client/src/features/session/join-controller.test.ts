import type { TConnectionDetails, TJoinRole, TSession } from "@plenary/shared";
import { DisconnectReason, type Room, RoomEvent } from "livekit-client";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { RawResponse } from "../../lib/http.ts";
import type { PreparedJoin } from "./join-connector.ts";
import { JoinController, type JoinState } from "./join-controller.ts";

const DETAILS: TConnectionDetails = {
  serverUrl: "ws://127.0.0.1:7880",
  roomName: "r",
  identity: "u",
  token: "jwt",
  expiresAt: "2024-05-27T09:10:00.000Z",
  grants: { roomJoin: true, room: "r", roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: false, canPublishSources: [], canUpdateOwnMetadata: false },
};
const granted: RawResponse = { ok: true, status: 200, statusText: "OK", body: DETAILS };
const refused = (status: number, code: string): RawResponse => ({ ok: false, status, statusText: "", body: { error: { code, message: "" } } });

/** A LiveKit room as far as the controller uses it: Disconnected events and disconnect(). */
function fakeRoom() {
  const listeners = new Set<(reason?: DisconnectReason) => void>();
  const room = {
    on: (event: string, fn: (reason?: DisconnectReason) => void) => (event === RoomEvent.Disconnected && listeners.add(fn), room),
    off: (_event: string, fn: (reason?: DisconnectReason) => void) => (listeners.delete(fn), room),
    disconnect: vi.fn(async () => undefined),
    drop: (reason?: DisconnectReason) => listeners.forEach((fn) => fn(reason)),
  };
  return room;
}

/** A connector answering each join with the next scripted outcome (the last one repeats). */
function setup(outcomes: Array<RawResponse | "network" | "connect-fails">, role: TJoinRole = "attendee") {
  const rooms: ReturnType<typeof fakeRoom>[] = [];
  const join = vi.fn(async (): Promise<PreparedJoin> => {
    const outcome = outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
    if (outcome === "network") throw new TypeError("fetch failed");
    if (outcome !== "connect-fails" && !outcome.ok) return { response: outcome };
    const room = fakeRoom();
    rooms.push(room);
    const connected = outcome === "connect-fails" ? Promise.reject(new Error("could not establish pc connection")) : Promise.resolve();
    return { response: granted, room: room as unknown as Room, connected };
  });
  const controller = new JoinController({ connector: { join, floorPlayer: () => undefined }, sessionId: "s1", role });
  const states: JoinState["kind"][] = [];
  controller.subscribe(() => states.push(controller.getSnapshot().kind));
  return { controller, join, rooms, states };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("JoinController: the token answer", () => {
  test.each([
    ["a granted token", granted, "LIVE", { kind: "ready", attempt: 1 }],
    ["signed out", refused(401, "UNAUTHENTICATED"), "LIVE", { kind: "blocked", reason: "signin" }],
    ["not open yet", refused(409, "SESSION_NOT_OPEN"), "SCHEDULED", { kind: "blocked", reason: "not-live" }],
    ["already over", refused(409, "SESSION_NOT_OPEN"), "ENDED", { kind: "blocked", reason: "ended" }],
    ["media off", refused(503, "UNAVAILABLE"), "LIVE", { kind: "blocked", reason: "media-off" }],
    ["unreachable", "network", "LIVE", { kind: "blocked", reason: "network" }],
  ] as const)("%s → %j", async (_name, outcome, status: TSession["status"], expected) => {
    const { controller } = setup([outcome]);
    controller.open(status);
    await settle();
    expect(controller.getSnapshot()).toMatchObject(expected);
  });

  test.each([
    ["media-off", refused(503, "UNAVAILABLE"), 1],
    ["forbidden", refused(403, "FORBIDDEN"), 0],
  ] as const)("blocked for %s asks again by itself after 30 s %i time(s)", async (_reason, outcome, again) => {
    const { controller, join } = setup([outcome]);
    controller.open("LIVE");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(join).toHaveBeenCalledTimes(1 + again);
  });
});

describe("JoinController: after the room is lost", () => {
  test.each([
    [DisconnectReason.CLIENT_INITIATED, { kind: "ready" }],
    [DisconnectReason.DUPLICATE_IDENTITY, { kind: "blocked", reason: "duplicate" }],
    [DisconnectReason.PARTICIPANT_REMOVED, { kind: "blocked", reason: "removed" }],
    [DisconnectReason.SERVER_SHUTDOWN, { kind: "rejoining", inMs: 1000 }],
    [undefined, { kind: "rejoining", inMs: 1000 }],
  ])("disconnected (%s) → %j", async (reason, expected) => {
    const { controller, rooms } = setup([granted]);
    controller.open("LIVE");
    await settle();
    rooms[0]!.drop(reason);
    expect(controller.getSnapshot()).toMatchObject(expected);
  });

  test("a rejoin asks for a fresh token and room after the backoff, and leaves the old room", async () => {
    const { controller, join, rooms } = setup([granted]);
    controller.open("LIVE");
    await settle();
    rooms[0]!.drop(DisconnectReason.SERVER_SHUTDOWN);
    expect(rooms[0]!.disconnect).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(join).toHaveBeenCalledTimes(2);
    expect(controller.getSnapshot()).toMatchObject({ kind: "ready", attempt: 2, room: rooms[1] });
  });

  test("a failed connection reported twice (error, then disconnect) schedules one rejoin", async () => {
    const { controller, rooms, states } = setup(["connect-fails", granted]);
    controller.open("LIVE");
    await settle();
    rooms[0]!.drop(DisconnectReason.UNKNOWN_REASON);
    expect(states.filter((s) => s === "rejoining")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().kind).toBe("ready");
  });

  test("connections that keep failing back off 1, 2, 4, 8, 15, 15 s, then ask the user", async () => {
    const { controller, states } = setup(["connect-fails"]);
    const delays: number[] = [];
    controller.subscribe(() => {
      const state = controller.getSnapshot();
      if (state.kind === "rejoining") delays.push(state.inMs);
    });
    controller.open("LIVE");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(controller.getSnapshot()).toMatchObject({ kind: "blocked", reason: "connection-failed" });
    controller.retry();
    await settle();
    expect(states.at(-1)).toBe("rejoining");
    expect(delays.at(-1)).toBe(1000);
  });
});

describe("JoinController: when the session changes", () => {
  test.each([
    ["attendee", ["SCHEDULED", "LIVE", "LIVE", "ENDED"], 3],
    ["stage", ["SCHEDULED", "LIVE", "ENDED"], 2],
  ] as const)("%s through %j asks for %i token(s)", async (role, statuses, tokens) => {
    const { controller, join } = setup([granted], role);
    for (const status of statuses) {
      controller.open(status);
      await settle();
    }
    expect(join).toHaveBeenCalledTimes(tokens);
  });

  test("close() leaves the room, drops a late answer and lets open() start over", async () => {
    const { controller, join, rooms } = setup([granted]);
    controller.open("LIVE");
    await settle();
    controller.close();
    expect(rooms[0]!.disconnect).toHaveBeenCalled();
    controller.open("LIVE");
    controller.close();
    await settle();
    expect(rooms[1]!.disconnect).toHaveBeenCalled();
    expect(controller.getSnapshot().kind).toBe("waiting");
    expect(join).toHaveBeenCalledTimes(2);
  });
});
