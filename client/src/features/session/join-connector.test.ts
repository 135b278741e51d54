import { describe, expect, test, vi } from "vitest";
import { audioContext } from "../../lib/audio-level.ts";
import type { RawResponse, SendOptions } from "../../lib/http.ts";
import { JoinConnector, type JoinConnectorDeps, roomOptions } from "./join-connector.ts";

const GRANTED: RawResponse = { ok: true, status: 200, statusText: "OK", body: { serverUrl: "ws://lk", token: "jwt" } };

/** A connector over a fake api and a fake LiveKit client, recording what was asked and opened. */
function setup(tokenAnswer: RawResponse = GRANTED) {
  const sent: { path: string; options?: SendOptions }[] = [];
  const send = vi.fn(async (path: string, options?: SendOptions): Promise<RawResponse> => {
    sent.push({ path, options });
    return path.endsWith("/token") ? tokenAnswer : { ok: true, status: 200, statusText: "OK", body: {} };
  });
  const connects: string[] = [];
  class Room {
    once() {
      return this;
    }
    async connect(url: string, token: string) {
      connects.push(`${url} ${token}`);
    }
    disconnect = vi.fn(async () => undefined);
  }
  const livekit = { Room, RoomEvent: {} } as unknown as typeof import("livekit-client");
  // The floor player is faked here (it needs a real room); floor-player.test.ts tests it.
  const players: unknown[] = [];
  class FloorPlayer {
    constructor(readonly room: unknown) {
      players.push(room);
    }
  }
  const loadRoomClient = async () => ({ livekit, FloorPlayer }) as unknown as Awaited<ReturnType<NonNullable<JoinConnectorDeps["loadRoomClient"]>>>;
  const connector = new JoinConnector({ send, loadRoomClient });
  return { connector, sent, connects, players };
}

describe("JoinConnector.joinEarly", () => {
  test.each([
    ["/sessions/abc", "", ["/sessions/abc/token", "/sessions/abc"]],
    ["/sessions/a%20b/", "?lang=fr", ["/sessions/a%20b/token", "/sessions/a%20b"]],
    ["/sessions/abc", "?as=speaker", []],
    ["/sessions/abc/moderate", "", []],
    ["/", "", []],
  ])("%s%s asks for %j", (pathname, search, paths) => {
    const { connector, sent } = setup();
    const joining = connector.joinEarly({ pathname, search });
    expect(joining !== undefined).toBe(paths.length > 0);
    expect(sent.map((s) => s.path)).toEqual(paths);
    if (paths.length) expect(sent[0]!.options).toEqual({ method: "POST", body: { role: "attendee", view: "session" } });
  });
});

describe("JoinConnector.join", () => {
  test("takes the join prepared at navigation once (its room already connecting), then asks afresh", async () => {
    const { connector, sent, connects } = setup();
    void connector.prepare("s1", "moderator");
    void connector.prepare("s1", "moderator"); // the loader after the first script: no second request
    const first = await connector.join("s1", "moderator");
    expect(first.room).toBeDefined();
    expect(connects).toEqual(["ws://lk jwt"]);
    await connector.join("s1", "moderator");
    expect(sent.filter((s) => s.path.endsWith("/token")).map((s) => s.options?.body)).toEqual([{ role: "moderator", view: "session" }, { role: "moderator", view: "session" }]);
    expect(connects).toHaveLength(2);
  });

  test.each([
    ["refused", { ok: false, status: 403, statusText: "", body: { error: { code: "FORBIDDEN", message: "" } } }],
    ["not connection details", { ok: true, status: 200, statusText: "OK", body: { nope: true } }],
  ])("a %s token opens no room and is handed over as it came", async (_name, answer) => {
    const { connector, connects } = setup(answer);
    const join = await connector.join("s1", "attendee");
    expect(join).toEqual({ response: answer });
    expect(connects).toEqual([]);
  });

  test("the session fetched at navigation is taken once", async () => {
    const { connector } = setup();
    void connector.prepare("s1", "attendee");
    expect(connector.takeSession("s1")).toBeDefined();
    expect(connector.takeSession("s1")).toBeUndefined();
  });
});

test("where media elements apply volume, playback stays on them; elsewhere the room mixes through the page's one AudioContext", () => {
  expect(roomOptions(true)).toMatchObject({ webAudioMix: false, singlePeerConnection: false });
  // Node has no Web Audio: a stand-in for the browser's AudioContext.
  class FakeAudioContext {}
  vi.stubGlobal("AudioContext", FakeAudioContext);
  try {
    const mix = roomOptions(false).webAudioMix as { audioContext: unknown };
    expect(mix.audioContext).toBeInstanceOf(FakeAudioContext);
    expect(mix.audioContext).toBe(audioContext());
  } finally {
    vi.unstubAllGlobals();
  }
});

describe("JoinConnector.floorPlayer", () => {
  test("a floor view's room has its player from the moment it is made; booth and listen rooms mix their own", async () => {
    const { connector, players } = setup();
    void connector.prepare("s1", "attendee");
    const session = await connector.join("s1", "attendee");
    const booth = await connector.join("s1", "interpreter", "booth");
    const listen = await connector.join("s1", "attendee", "listen");
    const speak = await connector.join("s1", "speaker", "speak");
    expect(players).toEqual([session.room, speak.room]);
    expect(connector.floorPlayer(session.room!)).toMatchObject({ room: session.room });
    expect(connector.floorPlayer(speak.room!)).toMatchObject({ room: speak.room });
    expect(connector.floorPlayer(booth.room!)).toBeUndefined();
    expect(connector.floorPlayer(listen.room!)).toBeUndefined();
  });
});
