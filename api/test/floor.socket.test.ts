import { FLOOR_EVENTS, type Ack, type TFloorList, type TFloorSnapshot, type TFloorState, type TInterpretationState, type TMyFloor } from "@plenary/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StaffRole } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { eventWhere, participant } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, nextEvent, type TestSocket } from "./helpers/socket.ts";

// Real api, real PostgreSQL, real Socket.IO clients (and the run's livekit-server, which these
// people never join): every floor transition, legal and illegal, races included, with the
// sender's ack and what the chair, the requester and everyone else receive.
let tdb: TestDatabase;
let api: TestApp;
let eventId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api.close();
  await tdb.drop();
});

const data = <T>(ack: Ack<T>): T => {
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};
const errorOf = (ack: Ack<unknown>) => ("error" in ack ? ack.error.code : "ok");

async function newSession(status: "LIVE" | "SCHEDULED" | "ENDED" = "LIVE") {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Debate", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", "fr", "ar"], status },
  });
  return session.id;
}

type Persona = "attendee" | StaffRole | "organiser";

/** A signed-in person with a socket that has synced the session's floor. */
async function person(sessionId: string, persona: Persona = "attendee") {
  const role = persona !== "attendee" && persona !== "organiser" ? { sessionId, role: persona, boothLanguage: persona === "INTERPRETER" ? "fr" : undefined } : undefined;
  const { client, user } = await participant(api.baseUrl, tdb.database.prisma, { organiser: persona === "organiser", role });
  const socket = connectSocket(api.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  const sync = await emitAck<TFloorSnapshot>(socket, FLOOR_EVENTS.sync, { sessionId });
  return { id: user.userId, socket, sync, client };
}

const ask = (p: { socket: TestSocket }, sessionId: string, language = "fr", topic?: string) => emitAck<TMyFloor>(p.socket, FLOOR_EVENTS.request, { sessionId, language, topic });

describe("asking for and giving the floor", () => {
  test("a request reaches the chair's list; the grant reaches the speaker, everyone, and sets the floor language", async () => {
    const sessionId = await newSession();
    const [chair, delegate, other] = [await person(sessionId, "MODERATOR"), await person(sessionId), await person(sessionId)];
    expect(data(chair.sync).canChair).toBe(true);
    expect(data(delegate.sync)).toMatchObject({ canChair: false, canTake: false, list: null, mine: null });

    const chairSees = nextEvent<TFloorList>(chair.socket, FLOOR_EVENTS.listChanged);
    const otherSees = nextEvent<TFloorState>(other.socket, FLOOR_EVENTS.changed);
    const mine = data(await ask(delegate, sessionId, "fr", "On the digital divide"));
    expect(mine).toMatchObject({ status: "QUEUED", language: "fr", topic: "On the digital divide", declineReason: null });
    expect((await chairSees).entries).toEqual([expect.objectContaining({ requestId: mine.requestId, userId: delegate.id, topic: "On the digital divide", language: "fr", addedByChair: false })]);
    // Everyone sees the queue's length and order, never names or topics.
    const seen = await otherSees;
    expect(seen.queue).toEqual([mine.requestId]);
    expect(JSON.stringify(seen)).not.toContain("digital divide");

    const granted = eventWhere<TMyFloor>(delegate.socket, FLOOR_EVENTS.mineChanged, (m) => m.status === "GRANTED");
    const everyone = eventWhere<TFloorState>(other.socket, FLOOR_EVENTS.changed, (s) => s.holders.length === 1);
    const interp = connectSocket(api.baseUrl, { cookie: other.client.cookie });
    sockets.push(interp);
    await emitAck(interp, "interpretation:sync", { sessionId });
    const floorLanguage = eventWhere<TInterpretationState>(interp, "interpretation:state-changed", (s) => s.floorLanguage === "fr");
    const list = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    expect(list.holders).toEqual([expect.objectContaining({ userId: delegate.id, language: "fr", muted: false, camera: true, screenShare: false })]);
    expect(list.entries).toEqual([]);
    await granted;
    const holder = (await everyone).holders[0]!;
    expect(Date.parse(holder.endsAt) - Date.parse(holder.grantedAt)).toBe(180_000);
    await floorLanguage;

    // Taking it back restores the floor language from before (none).
    const restored = eventWhere<TInterpretationState>(interp, "interpretation:state-changed", (s) => s.floorLanguage === null);
    const ended = eventWhere<TMyFloor>(delegate.socket, FLOOR_EVENTS.mineChanged, (m) => m.status === "ENDED");
    expect(data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.revoke, { sessionId, requestId: mine.requestId })).holders).toEqual([]);
    expect((await ended).endReason).toBe("revoked");
    await restored;
  });

  test("panels: two speakers hold the floor; the floor language follows the latest and returns to the one before", async () => {
    const sessionId = await newSession();
    await tdb.database.prisma.session.update({ where: { id: sessionId }, data: { floorLanguage: "en" } });
    const [chair, a, b] = [await person(sessionId, "MODERATOR"), await person(sessionId), await person(sessionId)];
    const ra = data(await ask(a, sessionId, "fr"));
    const rb = data(await ask(b, sessionId, "ar"));
    await emitAck(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: ra.requestId });
    const both = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: rb.requestId }));
    expect(both.holders.map((h) => h.userId)).toEqual([a.id, b.id]);
    const floor = async () => (await tdb.database.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).floorLanguage;
    expect(await floor()).toBe("ar");
    await emitAck(b.socket, FLOOR_EVENTS.yield, { sessionId });
    expect(await floor()).toBe("fr");
    await emitAck(chair.socket, FLOOR_EVENTS.revoke, { sessionId, requestId: ra.requestId });
    expect(await floor()).toBe("en");
  });

  test("withdrawing leaves the list; asking twice keeps one place", async () => {
    const sessionId = await newSession();
    const [chair, a] = [await person(sessionId, "MODERATOR"), await person(sessionId)];
    const first = data(await ask(a, sessionId));
    expect(data(await ask(a, sessionId)).requestId).toBe(first.requestId);
    expect(data(await emitAck<TMyFloor>(a.socket, FLOOR_EVENTS.withdraw, { sessionId }))).toMatchObject({ status: "WITHDRAWN", endReason: "yielded" });
    expect(data(await emitAck<TFloorSnapshot>(chair.socket, FLOOR_EVENTS.sync, { sessionId })).list!.entries).toEqual([]);
    expect(errorOf(await emitAck(a.socket, FLOOR_EVENTS.withdraw, { sessionId }))).toBe("NOT_FOUND");
  });

  test("a decline's reason reaches the requester alone", async () => {
    const sessionId = await newSession();
    const [chair, a, b] = [await person(sessionId, "MODERATOR"), await person(sessionId), await person(sessionId)];
    const req = data(await ask(a, sessionId));
    let leaked = false;
    b.socket.on(FLOOR_EVENTS.mineChanged, () => (leaked = true));
    const told = eventWhere<TMyFloor>(a.socket, FLOOR_EVENTS.mineChanged, (m) => m.status === "DECLINED");
    const publicNews = nextEvent<TFloorState>(b.socket, FLOOR_EVENTS.changed);
    await emitAck(chair.socket, FLOOR_EVENTS.decline, { sessionId, requestId: req.requestId, reason: "Time allows government statements only" });
    expect((await told).declineReason).toBe("Time allows government statements only");
    expect(JSON.stringify(await publicNews)).not.toContain("government");
    expect(leaked).toBe(false);
  });

  test("the chair reorders, adds a pre-arranged speaker by email, extends and mutes", async () => {
    const sessionId = await newSession();
    const [chair, a, b] = [await person(sessionId, "MODERATOR"), await person(sessionId), await person(sessionId)];
    const [ra, rb] = [data(await ask(a, sessionId)), data(await ask(b, sessionId))];
    const reordered = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.reorder, { sessionId, requestId: rb.requestId, index: 0 }));
    expect(reordered.entries.map((e) => e.requestId)).toEqual([rb.requestId, ra.requestId]);
    expect(reordered.queue).toEqual([rb.requestId, ra.requestId]);

    const guest = await tdb.database.prisma.user.findUniqueOrThrow({ where: { id: (await person(sessionId)).id } });
    const added = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.add, { sessionId, email: guest.email.toUpperCase(), language: "ar", topic: "Keynote" }));
    expect(added.entries.at(-1)).toMatchObject({ userId: guest.id, addedByChair: true, language: "ar", topic: "Keynote" });
    expect(errorOf(await emitAck(chair.socket, FLOOR_EVENTS.add, { sessionId, email: guest.email, language: "ar" }))).toBe("CONFLICT");
    expect(errorOf(await emitAck(chair.socket, FLOOR_EVENTS.add, { sessionId, email: "nobody@example.org", language: "ar" }))).toBe("NOT_FOUND");

    const granted = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: rb.requestId }));
    const endsAt = Date.parse(granted.holders[0]!.endsAt);
    const extended = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.extend, { sessionId, requestId: rb.requestId, seconds: 60 }));
    expect(Date.parse(extended.holders[0]!.endsAt) - endsAt).toBe(60_000);
    expect(data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.mute, { sessionId, requestId: rb.requestId, muted: true })).holders[0]!.muted).toBe(true);
    const settings = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.settings, { sessionId, speakingTimeSeconds: 120, autoRevoke: true, allowCamera: false }));
    expect(settings.settings).toEqual({ speakingTimeSeconds: 120, autoRevoke: true, allowCamera: false });
    const audioOnly = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: ra.requestId }));
    expect(audioOnly.holders.find((h) => h.userId === a.id)).toMatchObject({ camera: false, screenShare: false });
  });

  test("a session speaker takes the floor without asking, with slides; once the chair takes it back they must ask", async () => {
    const sessionId = await newSession();
    const [chair, speaker] = [await person(sessionId, "MODERATOR"), await person(sessionId, "SPEAKER")];
    expect(data(speaker.sync).canTake).toBe(true);
    const took = data(await emitAck<TMyFloor>(speaker.socket, FLOOR_EVENTS.take, { sessionId, language: "en" }));
    expect(took.status).toBe("GRANTED");
    const list = data(await emitAck<TFloorSnapshot>(chair.socket, FLOOR_EVENTS.sync, { sessionId })).list!;
    expect(list.holders[0]).toMatchObject({ userId: speaker.id, camera: true, screenShare: true });
    await emitAck(chair.socket, FLOOR_EVENTS.revoke, { sessionId, requestId: took.requestId });
    expect(errorOf(await emitAck(speaker.socket, FLOOR_EVENTS.take, { sessionId, language: "en" }))).toBe("FORBIDDEN");
    expect(data(await emitAck<TFloorSnapshot>(speaker.socket, FLOOR_EVENTS.sync, { sessionId })).canTake).toBe(false);
    expect(data(await ask(speaker, sessionId, "en")).status).toBe("QUEUED");
  });
});

describe("races end in one consistent state", () => {
  test("two chairs granting the same request at once: one grant, both acks agree", async () => {
    const sessionId = await newSession();
    const [c1, c2, a] = [await person(sessionId, "MODERATOR"), await person(sessionId, "organiser"), await person(sessionId)];
    const req = data(await ask(a, sessionId));
    const acks = await Promise.all([c1, c2].map((c) => emitAck<TFloorList>(c.socket, FLOOR_EVENTS.grant, { sessionId, requestId: req.requestId })));
    for (const ack of acks) expect(data(ack).holders.map((h) => h.requestId)).toEqual([req.requestId]);
    expect(await tdb.database.prisma.floorRequest.count({ where: { sessionId, status: "GRANTED" } })).toBe(1);
  });

  test("a grant racing a withdrawal: either the floor is held or the request is gone, never both", async () => {
    for (let round = 0; round < 5; round++) {
      const sessionId = await newSession();
      const [chair, a] = [await person(sessionId, "MODERATOR"), await person(sessionId)];
      const req = data(await ask(a, sessionId));
      await Promise.all([emitAck(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: req.requestId }), emitAck(a.socket, FLOOR_EVENTS.withdraw, { sessionId })]);
      const rows = await tdb.database.prisma.floorRequest.findMany({ where: { sessionId } });
      expect(rows).toHaveLength(1);
      // Withdrawal first: WITHDRAWN and the grant refused; grant first: the withdrawal yields it.
      expect(["WITHDRAWN", "ENDED"]).toContain(rows[0]!.status);
      const state = data(await emitAck<TFloorSnapshot>(chair.socket, FLOOR_EVENTS.sync, { sessionId })).state;
      expect(state.holders).toEqual([]);
    }
  });

  test("asking many times at once leaves one open request", async () => {
    const sessionId = await newSession();
    const a = await person(sessionId);
    const acks = await Promise.all(Array.from({ length: 6 }, () => ask(a, sessionId)));
    expect(new Set(acks.map((ack) => data(ack).requestId)).size).toBe(1);
    expect(await tdb.database.prisma.floorRequest.count({ where: { sessionId } })).toBe(1);
  });
});

describe("who may do what: every persona × every floor action", () => {
  const PERSONAS: Persona[] = ["attendee", "SPEAKER", "STAGE", "INTERPRETER", "MODERATOR", "organiser"];
  const CHAIR_ACTIONS = ["grant", "revoke", "decline", "reorder", "extend", "mute", "settings", "add", "message"] as const;
  const payloadFor = (action: (typeof CHAIR_ACTIONS)[number], sessionId: string, requestId: string, email: string) =>
    ({
      grant: { sessionId, requestId },
      revoke: { sessionId, requestId },
      decline: { sessionId, requestId },
      reorder: { sessionId, requestId, index: 0 },
      extend: { sessionId, requestId, seconds: 30 },
      mute: { sessionId, requestId, muted: true },
      settings: { sessionId, autoRevoke: true },
      add: { sessionId, email, language: "en" },
      message: { sessionId, requestId, text: "Please conclude" },
    })[action];

  test.each(PERSONAS)("%s", async (persona) => {
    const sessionId = await newSession();
    const actor = await person(sessionId, persona);
    const requester = await person(sessionId);
    const other = await tdb.database.prisma.user.findUniqueOrThrow({ where: { id: (await person(sessionId)).id } });
    const req = data(await ask(requester, sessionId));
    const chairs = persona === "MODERATOR" || persona === "organiser";
    for (const action of CHAIR_ACTIONS) {
      const ack = await emitAck(actor.socket, FLOOR_EVENTS[action], payloadFor(action, sessionId, req.requestId, other.email));
      // A chair's revoke and mute need a holder; the point here is who is refused.
      const code = errorOf(ack);
      if (chairs) expect(code, action).not.toBe("FORBIDDEN");
      else expect(code, action).toBe("FORBIDDEN");
    }
    expect(errorOf(await emitAck(actor.socket, FLOOR_EVENTS.take, { sessionId, language: "en" }))).toBe(persona === "SPEAKER" ? "ok" : "FORBIDDEN");
    expect(errorOf(await ask(actor, sessionId))).toBe("ok");
  });

  test("nobody acts on a session that is not live, except the chair preparing the list", async () => {
    const sessionId = await newSession("SCHEDULED");
    const [chair, speaker] = [await person(sessionId, "MODERATOR"), await person(sessionId, "SPEAKER")];
    expect(errorOf(await ask(speaker, sessionId))).toBe("SESSION_NOT_OPEN");
    expect(errorOf(await emitAck(speaker.socket, FLOOR_EVENTS.take, { sessionId, language: "en" }))).toBe("SESSION_NOT_OPEN");
    const email = (await tdb.database.prisma.user.findUniqueOrThrow({ where: { id: speaker.id } })).email;
    const list = data(await emitAck<TFloorList>(chair.socket, FLOOR_EVENTS.add, { sessionId, email, language: "en" }));
    expect(errorOf(await emitAck(chair.socket, FLOOR_EVENTS.grant, { sessionId, requestId: list.entries[0]!.requestId }))).toBe("SESSION_NOT_OPEN");
    const ended = await newSession("ENDED");
    const late = await person(ended);
    expect(errorOf(late.sync)).toBe("FORBIDDEN");
  });
});

describe("bad input gets an error ack", () => {
  test.each([
    ["floor:request", { sessionId: "nope", language: "fr" }],
    ["floor:request", { sessionId: "00000000-0000-4000-8000-000000000000", language: "xx" }],
    ["floor:request", { sessionId: "00000000-0000-4000-8000-000000000000", language: "fr", topic: "x".repeat(201) }],
    ["floor:grant", { sessionId: "00000000-0000-4000-8000-000000000000" }],
    ["floor:reorder", { sessionId: "00000000-0000-4000-8000-000000000000", requestId: "00000000-0000-4000-8000-000000000000", index: -1 }],
    ["floor:extend", { sessionId: "00000000-0000-4000-8000-000000000000", requestId: "00000000-0000-4000-8000-000000000000", seconds: 0 }],
    ["floor:settings", { sessionId: "00000000-0000-4000-8000-000000000000", speakingTimeSeconds: 5 }],
    ["floor:sync", null],
  ])("%s %j → BAD_REQUEST", async (event, payload) => {
    const a = await person(await newSession());
    expect(errorOf(await emitAck(a.socket, event, payload))).toBe("BAD_REQUEST");
  });

  test("a request in a language the session does not offer is refused", async () => {
    const sessionId = await newSession();
    const a = await person(sessionId);
    expect(await ask(a, sessionId, "zh")).toEqual({ error: { code: "BAD_REQUEST", message: "That language is not offered in this session." } });
  });
});
