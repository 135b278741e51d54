import { dispose, Room } from "@livekit/rtc-node";
import type { TInterpretationState } from "@plenary/shared";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { StaffRole } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { hears, type ToneFrame } from "./helpers/goertzel.ts";
import { startBoothBot, type BoothBot } from "./helpers/interpretation-booth.ts";
import { joinInterpretationListener, type InterpretationListener } from "./helpers/interpretation-listener.ts";
import type { TestClient } from "./helpers/http.ts";
import { participant } from "./helpers/qa.ts";
import { connected, connectSocket, type TestSocket } from "./helpers/socket.ts";
import { joinToneListener, startTonePublisher, type TonePublisher } from "./helpers/tones.ts";

// What listeners really hear, through the real livekit-server, the api and Socket.IO: interpreter
// bots publish tones (French 440 Hz, the French partner 550 Hz, Spanish 660 Hz), the stage
// publishes the floor at 1 kHz, and a listener bot follows the state as the client must.
const FR_A = 440;
const FR_B = 550;
const ES = 660;
const FLOOR_HZ = 1000;
const FREQS = [FR_A, FR_B, ES, FLOOR_HZ];
const FLOOR_LEVEL = 0.25;

let tdb: TestDatabase;
let api: TestApp;
let sessionId: string;
let stage: TonePublisher;
let frA: BoothBot, frB: BoothBot, es: BoothBot;
let chair: TestSocket;
let listener: InterpretationListener;
const sockets: TestSocket[] = [];
/** Each interpreter's booth console, by user id. */
const consoles = new Map<string, TestSocket>();
/** Each interpreter's signed-in client, by user id, to open other views of theirs. */
const clients = new Map<string, TestClient>();
const closers: (() => Promise<void>)[] = [];

/** A signed-in person with a connected socket and, for a role that joins the room, a LiveKit token. */
async function person(role?: StaffRole, boothLanguage?: string) {
  const { client, user } = await participant(api.baseUrl, tdb.database.prisma, role ? { role: { sessionId, role, boothLanguage } } : {});
  const socket = connectSocket(api.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  const joinAs = role === "INTERPRETER" ? "interpreter" : role === "STAGE" ? "stage" : role === "MODERATOR" ? "moderator" : "attendee";
  const res = await client.post(`/api/sessions/${sessionId}/token`, { role: joinAs });
  expect(res.status).toBe(200);
  return { userId: user.userId, client, socket, url: res.body.serverUrl as string, token: res.body.token as string };
}

async function interpreter(language: "fr" | "es", hz: number) {
  const p = await person("INTERPRETER", language);
  const bot = await startBoothBot({ ...p, sessionId, language, hz });
  consoles.set(p.userId, p.socket);
  clients.set(p.userId, p.client);
  closers.push(() => bot.close());
  return bot;
}

/** The next `n` frames the listener plays, however long they take to come. */
async function nextFrames(n: number): Promise<ToneFrame[]> {
  const got: ToneFrame[] = [];
  await listener.waitFor((f) => got.push(f) >= n, 20_000);
  return got;
}
/** The tone a frame carries: the loudest watched one, if heard (a fading frame leaks into its neighbours). */
const toneOf = (f: ToneFrame) => FREQS.reduce((a, b) => (f.levels[b]! > f.levels[a]! ? b : a), FREQS[0]!);
const carries = (f: ToneFrame, hz: number) => hears(f, hz) && toneOf(f) === hz;
/** The interpreter tones among frames, in the order first heard. */
const interpreterHz = (frames: ToneFrame[]) => [...new Set(frames.filter((f) => f.source !== "floor" && hears(f, toneOf(f))).map(toneOf))];
const live = (state: TInterpretationState, identity: string | null) => state.channels.find((c) => c.channel === "fr")!.identity === identity;
const floorUnder = (f: ToneFrame) => f.source === "floor" && f.levels[FLOOR_HZ]! > 0.04 && f.levels[FLOOR_HZ]! < 0.12;
const floorFull = (f: ToneFrame) => f.source === "floor" && f.levels[FLOOR_HZ]! > 0.2;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  api = await startTestApp({ database: tdb.database });
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Heard", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", "fr", "es"], status: "LIVE" },
  });
  sessionId = session.id;
  const floor = await person("STAGE");
  stage = await startTonePublisher({ url: floor.url, token: floor.token, hz: FLOOR_HZ });
  closers.push(() => stage.close());
  [frA, frB, es] = [await interpreter("fr", FR_A), await interpreter("fr", FR_B), await interpreter("es", ES)];
  chair = (await person("MODERATOR")).socket;
  await frA.take();
  await es.take();
  const me = await person();
  listener = await joinInterpretationListener({ ...me, sessionId, channel: "fr", floorLevel: FLOOR_LEVEL, frequencies: FREQS });
  closers.push(() => listener.close());
}, 90_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  sockets.forEach((s) => s.disconnect());
  await dispose();
  await api?.close();
  await tdb?.drop();
});

describe("what a listener hears", () => {
  test("French: the on-air interpreter's 440 Hz, with the floor under it at the listener's level", async () => {
    await listener.waitFor((f) => f.source === frA.userId && carries(f, FR_A), 20_000);
    await listener.waitFor(floorUnder);
    expect(interpreterHz(await nextFrames(50))).toEqual([FR_A]);
  });

  test("the on-air interpreter also opens the session page (as an attendee and as an interpreter): all three views stay in the room, the booth keeps publishing on air, listeners still hear it", async () => {
    const rooms = new RoomServiceClient(inject("livekitUrl").replace(/^ws/, "http"), "devkey", "secret");
    const views: Room[] = [];
    for (const body of [{ role: "attendee", view: "session" }, { role: "interpreter", view: "session" }]) {
      const res = await clients.get(frA.userId)!.post(`/api/sessions/${sessionId}/token`, body);
      expect(res.status).toBe(200);
      expect(res.body.identity).not.toBe(frA.userId);
      const room = new Room();
      closers.push(() => room.disconnect());
      await room.connect(res.body.serverUrl, res.body.token, { autoSubscribe: false, dynacast: false });
      views.push(room);
    }
    const present = (await rooms.listParticipants(`session-${sessionId}`)).map((p) => p.identity);
    expect(present).toEqual(expect.arrayContaining([frA.userId, ...views.map((r) => r.localParticipant!.identity)]));
    // The booth console is still the French channel, its microphone live at the SFU, and heard.
    const booth = await rooms.getParticipant(`session-${sessionId}`, frA.userId);
    expect(booth.tracks.filter((t) => !t.muted)).toHaveLength(1);
    expect(live(listener.state!, frA.userId)).toBe(true);
    await listener.waitFor((f) => f.source === frA.userId && carries(f, FR_A), 20_000);
    expect(interpreterHz(await nextFrames(50))).toEqual([FR_A]);
    await Promise.all(views.map((r) => r.disconnect()));
  });

  test("switching to Spanish: 660 Hz, and no 440 Hz once Spanish is heard", async () => {
    await listener.select("es");
    const first = await listener.waitFor((f) => carries(f, ES));
    expect(interpreterHz(await nextFrames(50))).toEqual([ES]);
    expect(listener.frames.filter((f) => f.t > first.t && carries(f, FR_A))).toEqual([]);
    await listener.select("fr");
    await listener.waitFor((f) => carries(f, FR_A));
  });

  test("handover in the French booth: 550 Hz replaces 440 Hz with no overlap", async () => {
    const before = listener.frames.length;
    await frA.offer();
    await frB.accept();
    const first = await listener.waitFor((f) => f.source === frB.userId && carries(f, FR_B));
    const after = await nextFrames(50);
    expect(interpreterHz(after)).toEqual([FR_B]);
    const around = listener.frames.slice(before);
    // Nothing of the new voice before the handover, nothing of the old once the new one sounds.
    expect(listener.frames.slice(0, before).some((f) => carries(f, FR_B))).toBe(false);
    expect(around.filter((f) => f.t >= first.t && carries(f, FR_A))).toEqual([]);
  });

  test("an off-air interpreter who unmutes their own microphone is never heard", async () => {
    const rooms = new RoomServiceClient(inject("livekitUrl").replace(/^ws/, "http"), "devkey", "secret");
    const microphone = async () => (await rooms.getParticipant(`session-${sessionId}`, frA.userId)).tracks[0]!;
    // The server muted the outgoing interpreter; the tampered console opens its microphone anyway.
    await until(async () => (await microphone()).muted, "the server muted the off-air interpreter");
    const tampered = listener.frames.length;
    frA.unmuteAnyway();
    await until(async () => !(await microphone()).muted, "the tampered microphone is live at the SFU");
    // Proof that 440 Hz is on the wire: a bot that subscribes to everything hears it.
    const eavesdropper = await person();
    const raw = await joinToneListener({ url: eavesdropper.url, token: eavesdropper.token, frequencies: FREQS });
    closers.push(() => raw.close());
    await raw.listener.waitFor((f) => f.source === frA.userId && carries(f, FR_A), 20_000);
    expect(interpreterHz(await nextFrames(100))).toEqual([FR_B]);
    expect(listener.frames.slice(tampered).filter((f) => f.source === frA.userId || carries(f, FR_A))).toEqual([]);
  });

  test("nobody on air (release, then a disconnect): the floor at full level, and French again when it resumes", async () => {
    const released = listener.frames.length;
    await frB.release();
    const floorAt = await listener.waitFor(floorFull);
    expect(interpreterHz((await nextFrames(50)).filter((f) => f.t > floorAt.t))).toEqual([]);
    await frB.take();
    await listener.waitFor((f) => f.source === frB.userId && carries(f, FR_B));
    await listener.waitFor(floorUnder);
    expect(listener.frames.slice(released).some((f) => carries(f, FR_A))).toBe(false);

    // The console's socket drops; the interpreter's microphone stays in the room.
    consoles.get(frB.userId)!.disconnect();
    await listener.waitForState((st) => live(st, null));
    const paused = await listener.waitFor(floorFull);
    expect(interpreterHz((await nextFrames(50)).filter((f) => f.t > paused.t))).toEqual([]);
    await frA.take();
    await listener.waitFor((f) => f.source === frA.userId && carries(f, FR_A));
    await listener.waitFor(floorUnder);
  });

  test("the floor in French: French listeners hear the floor at full level, no interpreter", async () => {
    const chairAck = await chair.timeout(10_000).emitWithAck("interpretation:set-floor-language", { sessionId, language: "fr" });
    expect(chairAck).toMatchObject({ data: { floorLanguage: "fr" } });
    await listener.waitForState((st) => st.floorLanguage === "fr");
    const full = await listener.waitFor(floorFull);
    expect(interpreterHz((await nextFrames(50)).filter((f) => f.t > full.t))).toEqual([]);
    expect(listener.playing).toBeNull();
  });
});

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
};
