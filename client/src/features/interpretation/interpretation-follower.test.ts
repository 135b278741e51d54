import type { TBoothsState, TInterpretationState } from "@plenary/shared";
import { expect, test } from "vitest";
import { InterpretationFollower, type InterpretationSocketLike } from "./interpretation-follower.ts";

type Listener = (...args: never[]) => void;
/** A socket that answers requests from a table and lets the test push broadcasts. */
function fakeSocket(answers: Record<string, (payload: unknown) => unknown>) {
  const handlers = new Map<string, Set<Listener>>();
  const sent: [string, unknown][] = [];
  const socket: InterpretationSocketLike & { push(event: string, payload: unknown): void } = {
    connected: true,
    on: (e, fn) => (handlers.get(e) ?? handlers.set(e, new Set()).get(e)!).add(fn),
    off: (e, fn) => handlers.get(e)?.delete(fn),
    emit(event, payload, ack) {
      sent.push([event as string, payload]);
      (ack as (a: unknown) => void)(answers[event as string]?.(payload) ?? { error: { code: "INTERNAL", message: "" } });
    },
    push: (event, payload) => handlers.get(event)?.forEach((fn) => (fn as (p: unknown) => void)(payload)),
  };
  return { socket, sent };
}

const state = (seq: number, frIdentity: string | null): TInterpretationState => ({
  sessionId: "s1",
  seq,
  floorLanguage: null,
  channels: [{ channel: "fr", status: frIdentity ? "live" : "paused", identity: frIdentity, standby: null }],
});

test("keeps the newest state whatever order acks and pushes arrive in, and re-selects after a reconnection", async () => {
  const { socket, sent } = fakeSocket({
    "interpretation:sync": () => ({ data: { state: state(2, "a"), booths: null } }),
    "interpretation:select": (p) => ({ data: { channel: (p as { channel: string }).channel, state: state(1, null) } }),
  });
  const follower = new InterpretationFollower(socket, "s1");
  follower.start();
  await Promise.resolve();
  expect(follower.getSnapshot().state?.seq).toBe(2);

  // The ack carries an older read than the sync: the newer stays.
  await follower.select("fr");
  expect(follower.getSnapshot().state?.channels[0]!.identity).toBe("a");
  socket.push("interpretation:state-changed", state(5, "b"));
  socket.push("interpretation:state-changed", state(4, null));
  socket.push("interpretation:state-changed", { ...state(9, null), sessionId: "another" });
  expect(follower.getSnapshot().state).toMatchObject({ seq: 5, channels: [{ identity: "b" }] });

  sent.length = 0;
  socket.push("disconnect", undefined);
  expect(follower.getSnapshot().connected).toBe(false);
  socket.push("connect", undefined);
  await new Promise((r) => setTimeout(r, 0));
  expect(sent.map(([e]) => e)).toEqual(["interpretation:sync", "interpretation:select"]);
  follower.stop();
});

test("booth pushes with the same sequence still replace (audience counts), and a refusal is kept as the problem", async () => {
  const { socket } = fakeSocket({ "interpretation:sync": () => ({ error: { code: "FORBIDDEN", message: "no" } }) });
  const follower = new InterpretationFollower(socket, "s1");
  follower.start();
  await Promise.resolve();
  expect(follower.getSnapshot().problem).toBe("FORBIDDEN");
  const booths = (listeners: number): TBoothsState => ({ ...state(3, null), floorListeners: 0, booths: [{ language: "fr", onAirUserId: null, offerToUserId: null, interpreters: [], listeners }] });
  socket.push("interpretation:booths-changed", booths(1));
  socket.push("interpretation:booths-changed", booths(2));
  expect(follower.getSnapshot().booths?.booths[0]!.listeners).toBe(2);
  expect(follower.getSnapshot().state?.seq).toBe(3);
});
