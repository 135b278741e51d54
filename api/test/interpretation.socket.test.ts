import type { Ack, TBoothsState, TInterpretationSnapshot, TInterpretationState, TSelectChannelResult } from "@plenary/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StaffRole } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { eventWhere, participant } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, nextEvent, type TestSocket } from "./helpers/socket.ts";

// Real api, real PostgreSQL, real Socket.IO clients: every booth transition, legal and illegal,
// with the sender's ack and what the other consoles and listeners receive.
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

async function newSession(status: "LIVE" | "SCHEDULED" = "LIVE") {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Interpreted", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", "fr", "es", "zh"], status },
  });
  return session.id;
}

/** A signed-in person with a connected socket that has synced the session's interpretation. */
async function person(sessionId: string, role?: StaffRole, boothLanguage?: string, base: TestApp = api) {
  const { client, user: actor } = await participant(base.baseUrl, tdb.database.prisma, role ? { role: { sessionId, role, boothLanguage } } : {});
  const user = { id: actor.userId };
  const socket = connectSocket(base.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  // Interpreters sync as their booth console does; everyone else as a plain page.
  const sync = await emitAck<TInterpretationSnapshot>(socket, "interpretation:sync", { sessionId, ...(role === "INTERPRETER" ? { console: true } : {}) });
  return { user, socket, sync, cookie: client.cookie };
}

const booth = (state: TBoothsState, language: string) => state.booths.find((b) => b.language === language)!;
const channel = (state: TInterpretationState, name: string) => state.channels.find((c) => c.channel === name)!;

describe("booth control", () => {
  test("taking the channel puts the interpreter on air; listeners and the partner see it", async () => {
    const sessionId = await newSession();
    const [a, b, listener] = [await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "fr"), await person(sessionId)];
    expect(data(listener.sync).booths).toBeNull();
    expect(channel(data(listener.sync).state, "fr")).toEqual({ channel: "fr", status: "paused", identity: null, standby: null });

    const partnerSees = nextEvent<TBoothsState>(b.socket, "interpretation:booths-changed");
    const listenerSees = nextEvent<TInterpretationState>(listener.socket, "interpretation:state-changed");
    const ack = data(await emitAck<TBoothsState>(a.socket, "interpretation:take", { sessionId }));
    expect(booth(ack, "fr")).toMatchObject({ onAirUserId: a.user.id });
    expect(booth(await partnerSees, "fr").onAirUserId).toBe(a.user.id);
    expect(channel(await listenerSees, "fr")).toEqual({ channel: "fr", status: "live", identity: a.user.id, standby: null });
  });

  test("two interpreters taking at the same instant: exactly one wins, the other is told", async () => {
    const sessionId = await newSession();
    const [a, b] = [await person(sessionId, "INTERPRETER", "es"), await person(sessionId, "INTERPRETER", "es")];
    const acks = await Promise.all([emitAck<TBoothsState>(a.socket, "interpretation:take", { sessionId }), emitAck<TBoothsState>(b.socket, "interpretation:take", { sessionId })]);
    const won = acks.filter((r) => "data" in r);
    expect(won).toHaveLength(1);
    expect(acks.filter((r) => "error" in r)).toEqual([{ error: { code: "CONFLICT", message: "Your partner is on air. Ask them to hand over." } }]);
  });

  test("handover: offer, accept; both consoles see the new on-air interpreter", async () => {
    const sessionId = await newSession();
    const [a, b] = [await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "fr")];
    data(await emitAck(a.socket, "interpretation:take", { sessionId }));
    expect(await emitAck(b.socket, "interpretation:accept", { sessionId })).toMatchObject({ error: { code: "CONFLICT" } });
    expect(await emitAck(b.socket, "interpretation:offer", { sessionId })).toMatchObject({ error: { code: "CONFLICT" } });
    const offered = data(await emitAck<TBoothsState>(a.socket, "interpretation:offer", { sessionId }));
    expect(booth(offered, "fr").offerToUserId).toBe(b.user.id);
    // Listeners are told whom to receive silently, so the handover is instant; the voice stays A's.
    expect(channel(offered, "fr")).toEqual({ channel: "fr", status: "live", identity: a.user.id, standby: b.user.id });
    const aSees = eventWhere<TBoothsState>(a.socket, "interpretation:booths-changed", (st) => booth(st, "fr").onAirUserId === b.user.id);
    const accepted = data(await emitAck<TBoothsState>(b.socket, "interpretation:accept", { sessionId }));
    expect(booth(accepted, "fr")).toMatchObject({ onAirUserId: b.user.id, offerToUserId: null });
    expect(booth(await aSees, "fr").onAirUserId).toBe(b.user.id);
  });

  test("an interpreter controls only their own booth, and non-interpreters none", async () => {
    const sessionId = await newSession();
    const fr = await person(sessionId, "INTERPRETER", "fr");
    const es = await person(sessionId, "INTERPRETER", "es");
    data(await emitAck(fr.socket, "interpretation:take", { sessionId }));
    // The Spanish interpreter's take acts on the Spanish booth, never the French one.
    const esAck = data(await emitAck<TBoothsState>(es.socket, "interpretation:take", { sessionId }));
    expect(booth(esAck, "fr").onAirUserId).toBe(fr.user.id);
    for (const role of [undefined, "MODERATOR", "SPEAKER", "STAGE"] as const) {
      const other = await person(sessionId, role);
      for (const event of ["interpretation:take", "interpretation:offer", "interpretation:accept", "interpretation:release", "interpretation:slow-down"]) {
        expect(await emitAck(other.socket, event, { sessionId })).toMatchObject({ error: { code: "FORBIDDEN" } });
      }
      expect(await emitAck(other.socket, "interpretation:relay", { sessionId, source: "en" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    // The socket stays usable after refusals.
    expect(data(await emitAck<TBoothsState>(fr.socket, "interpretation:mic", { sessionId, on: true }))).toBeTruthy();
  });

  test("only the booth console puts an interpreter in the booth; their plain session page does not", async () => {
    const sessionId = await newSession();
    const { client, user } = await participant(api.baseUrl, tdb.database.prisma, { role: { sessionId, role: "INTERPRETER", boothLanguage: "fr" } });
    const page = connectSocket(api.baseUrl, { cookie: client.cookie });
    sockets.push(page);
    await connected(page);
    const plain = data(await emitAck<TInterpretationSnapshot>(page, "interpretation:sync", { sessionId }));
    expect(booth(plain.booths!, "fr").interpreters).toEqual([expect.objectContaining({ userId: user.userId, present: false })]);
    const asConsole = data(await emitAck<TInterpretationSnapshot>(page, "interpretation:sync", { sessionId, console: true }));
    expect(booth(asConsole.booths!, "fr").interpreters).toEqual([expect.objectContaining({ userId: user.userId, present: true })]);
  });

  test("a relay loop is refused; relays that do not loop are taken", async () => {
    const sessionId = await newSession();
    const [fr, es, zh] = [await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "es"), await person(sessionId, "INTERPRETER", "zh")];
    data(await emitAck(es.socket, "interpretation:relay", { sessionId, source: "fr" }));
    data(await emitAck(zh.socket, "interpretation:relay", { sessionId, source: "es" }));
    expect(await emitAck(fr.socket, "interpretation:relay", { sessionId, source: "zh" })).toEqual({ error: { code: "CONFLICT", message: "That relay would loop back to your own booth." } });
    expect(await emitAck(fr.socket, "interpretation:relay", { sessionId, source: "fr" })).toMatchObject({ error: { code: "CONFLICT" } });
    expect(await emitAck(fr.socket, "interpretation:relay", { sessionId, source: "ru" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const ok = data(await emitAck<TBoothsState>(fr.socket, "interpretation:relay", { sessionId, source: "en" }));
    expect(booth(ok, "fr").interpreters[0]!.relay).toBe("en");
  });

  test("disconnecting while on air pauses the channel (floor fallback); it resumes when the partner takes it", async () => {
    const sessionId = await newSession();
    const [a, b, listener] = [await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "fr"), await person(sessionId)];
    data(await emitAck(a.socket, "interpretation:take", { sessionId }));
    const paused = eventWhere<TInterpretationState>(listener.socket, "interpretation:state-changed", (st) => channel(st, "fr").status === "paused");
    a.socket.disconnect();
    expect(channel(await paused, "fr")).toEqual({ channel: "fr", status: "paused", identity: null, standby: null });
    const resumed = eventWhere<TInterpretationState>(listener.socket, "interpretation:state-changed", (st) => channel(st, "fr").status === "live");
    data(await emitAck(b.socket, "interpretation:take", { sessionId }));
    expect(channel(await resumed, "fr")).toEqual({ channel: "fr", status: "live", identity: b.user.id, standby: null });
  });
});

describe("floor language and listeners", () => {
  test("only the chair or the stage operator sets the floor language; that channel becomes the floor", async () => {
    const sessionId = await newSession();
    const [chair, stage, attendee, interpreter] = [await person(sessionId, "MODERATOR"), await person(sessionId, "STAGE"), await person(sessionId), await person(sessionId, "INTERPRETER", "fr")];
    expect(await emitAck(attendee.socket, "interpretation:set-floor-language", { sessionId, language: "fr" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await emitAck(interpreter.socket, "interpretation:set-floor-language", { sessionId, language: "fr" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await emitAck(chair.socket, "interpretation:set-floor-language", { sessionId, language: "ru" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const seen = eventWhere<TInterpretationState>(attendee.socket, "interpretation:state-changed", (st) => st.floorLanguage === "fr");
    const state = data(await emitAck<TInterpretationState>(chair.socket, "interpretation:set-floor-language", { sessionId, language: "fr" }));
    expect(state.floorLanguage).toBe("fr");
    expect(channel(await seen, "fr").status).toBe("floor");
    expect(data(await emitAck<TInterpretationState>(stage.socket, "interpretation:set-floor-language", { sessionId, language: null })).floorLanguage).toBeNull();
  });

  test("selecting a channel answers what to play, records the time, and counts the audience for the booth", async () => {
    const sessionId = await newSession();
    const interpreter = await person(sessionId, "INTERPRETER", "es");
    data(await emitAck(interpreter.socket, "interpretation:take", { sessionId }));
    const listener = await person(sessionId);
    const counted = eventWhere<TBoothsState>(interpreter.socket, "interpretation:booths-changed", (st) => booth(st, "es").listeners === 1);
    const result = data(await emitAck<TSelectChannelResult>(listener.socket, "interpretation:select", { sessionId, channel: "es" }));
    expect(result.channel).toBe("es");
    expect(channel(result.state, "es")).toEqual({ channel: "es", status: "live", identity: interpreter.user.id, standby: null });
    expect(booth(await counted, "es").listeners).toBe(1);
    data(await emitAck(listener.socket, "interpretation:select", { sessionId, channel: "floor" }));
    const records = await tdb.database.prisma.listenerRecord.findMany({ where: { sessionId }, orderBy: { startedAt: "asc" } });
    expect(records.map((r) => [r.channel, r.userId, r.endedAt === null])).toEqual([
      ["es", listener.user.id, false],
      ["floor", listener.user.id, true],
    ]);
    expect(await emitAck(listener.socket, "interpretation:select", { sessionId, channel: "klingon" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  test("an outsider cannot listen to a session that is not live; bad payloads get error acks", async () => {
    const sessionId = await newSession("SCHEDULED");
    const outsider = await person(sessionId);
    expect(outsider.sync).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await emitAck(outsider.socket, "interpretation:select", { sessionId, channel: "fr" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await emitAck(outsider.socket, "interpretation:take", { sessionId: "nope" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
    expect(await emitAck(outsider.socket, "interpretation:chat", { sessionId, text: "" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  test("slow-down reaches the chair and the stage at once; booth chat reaches only the partner", async () => {
    const sessionId = await newSession();
    const [a, b, other, chair] = [await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "fr"), await person(sessionId, "INTERPRETER", "es"), await person(sessionId, "MODERATOR")];
    const chairSees = nextEvent<{ language: string }>(chair.socket, "interpretation:slow-down-requested");
    data(await emitAck(a.socket, "interpretation:slow-down", { sessionId }));
    expect((await chairSees).language).toBe("fr");
    let leaked = false;
    other.socket.on("interpretation:chat-posted", () => (leaked = true));
    const partnerSees = nextEvent<{ text: string }>(b.socket, "interpretation:chat-posted");
    data(await emitAck(a.socket, "interpretation:chat", { sessionId, text: "Next speaker reads fast" }));
    expect((await partnerSees).text).toBe("Next speaker reads fast");
    // A round trip on the other socket after the chat proves nothing was queued for it.
    data(await emitAck(other.socket, "interpretation:sync", { sessionId }));
    expect(leaked).toBe(false);
  });
});

describe("state outlives the process", () => {
  test("booth state survives an api restart, and a second api process through Redis sees the same", async () => {
    const first = await startTestApp({ database: tdb.database, redis: true });
    const second = await startTestApp({ database: tdb.database, redis: true });
    try {
      const sessionId = await newSession();
      const interpreter = await person(sessionId, "INTERPRETER", "zh", first);
      const listener = await person(sessionId, undefined, undefined, second);
      const seen = eventWhere<TInterpretationState>(listener.socket, "interpretation:state-changed", (st) => channel(st, "zh").status === "live");
      data(await emitAck(interpreter.socket, "interpretation:take", { sessionId }));
      expect(channel(await seen, "zh")).toMatchObject({ status: "live", identity: interpreter.user.id });

      await first.close();
      const restarted = await startTestApp({ database: tdb.database, redis: true });
      try {
        const late = await person(sessionId, undefined, undefined, restarted);
        const booths = await tdb.database.prisma.booth.findUnique({ where: { sessionId_language: { sessionId, language: "zh" } } });
        expect(booths?.onAirId).toBe(interpreter.user.id);
        expect(data(late.sync).state.seq).toBeGreaterThan(0);
      } finally {
        await restarted.close();
      }
    } finally {
      await second.close();
    }
  });
});
