import { createHash } from "node:crypto";
import { Room, RoomEvent, dispose } from "@livekit/rtc-node";
import type { Ack, TBoothsState, TInterpretationSnapshot, TInterpretationState, TListenLinkCreated, TSelectChannelResult } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StaffRole } from "../src/generated/prisma/client.ts";
import { startTestApp, TEST_ORIGIN, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";
import { jwtDecode } from "./helpers/jwt.ts";
import { eventWhere, participant } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, type TestSocket } from "./helpers/socket.ts";

// Guest listen links on real parts: PostgreSQL, Socket.IO clients in the /listen namespace, and a
// real livekit-server for the guest's room connection.
let tdb: TestDatabase;
let api: TestApp;
let eventId: string;
const sockets: Socket[] = [];
const rooms: Room[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all(rooms.map((r) => r.disconnect().catch(() => undefined)));
  await dispose();
  await api.close();
  await tdb.drop();
});

const data = <T>(ack: Ack<T>): T => {
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

async function newSession(status: "LIVE" | "SCHEDULED" = "LIVE") {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Listened", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", "fr", "es"], status },
  });
  return session.id;
}

const person = async (sessionId: string, role?: StaffRole, options: { organiser?: boolean; boothLanguage?: string } = {}) =>
  participant(api.baseUrl, tdb.database.prisma, { organiser: options.organiser, ...(role ? { role: { sessionId, role, boothLanguage: options.boothLanguage } } : {}) });

async function linkFor(sessionId: string, body: object = {}): Promise<TListenLinkCreated> {
  const { client } = await person(sessionId, "MODERATOR");
  const res = await client.post(`/api/sessions/${sessionId}/listen-links`, body);
  expect(res.status).toBe(201);
  return res.body;
}

/** A guest's socket in the listen namespace, as the listen page opens it. */
function guestSocket(token: string, origin = TEST_ORIGIN): TestSocket {
  const socket = io(`${api.baseUrl}/listen`, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, auth: { token }, extraHeaders: { Origin: origin } });
  sockets.push(socket);
  return socket as unknown as TestSocket;
}

const guestToken = (token: string) => new TestClient(api.baseUrl).post("/api/listen/token", { token });
const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
const channel = (state: TInterpretationState, name: string) => state.channels.find((c) => c.channel === name)!;

describe("managing listen links", () => {
  test("a moderator creates a link: the token is shown once, only its hash is stored, and it expires after the session", async () => {
    const sessionId = await newSession();
    const link = await linkFor(sessionId);
    expect(link.path).toBe(`/listen/${sessionId}#k=${link.token}`);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now() + 3600_000);
    expect(Date.parse(link.expiresAt)).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    const row = await tdb.database.prisma.listenLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);
  });

  test.each([
    ["the session's moderator", "MODERATOR", false, 201],
    ["an organiser", undefined, true, 201],
    ["an attendee", undefined, false, 403],
    ["a speaker", "SPEAKER", false, 403],
    ["the stage operator", "STAGE", false, 403],
    ["an interpreter", "INTERPRETER", false, 403],
  ] as const)("the policy: %s → %s", async (_who, role, organiser, status) => {
    const sessionId = await newSession();
    const { client } = await person(sessionId, role, { organiser, boothLanguage: role === "INTERPRETER" ? "fr" : undefined });
    expect((await client.post(`/api/sessions/${sessionId}/listen-links`, {})).status).toBe(status);
    expect((await client.get(`/api/sessions/${sessionId}/listen-links`)).status).toBe(status === 201 ? 200 : 403);
  });

  test("refusals: no login, another session's moderator, bad bodies, unknown links", async () => {
    const sessionId = await newSession();
    const other = await newSession();
    expect((await new TestClient(api.baseUrl).post(`/api/sessions/${sessionId}/listen-links`, {})).status).toBe(401);
    const { client: elsewhere } = await person(other, "MODERATOR");
    expect((await elsewhere.post(`/api/sessions/${sessionId}/listen-links`, {})).status).toBe(403);
    const { client: chair } = await person(sessionId, "MODERATOR");
    expect((await chair.post(`/api/sessions/${sessionId}/listen-links`, { validForHours: 25 })).body.error.code).toBe("BAD_REQUEST");
    const link = await linkFor(other);
    // A link of another session cannot be revoked through this one.
    expect((await chair.post(`/api/sessions/${sessionId}/listen-links/${link.id}/revoke`)).status).toBe(404);
  });

  test("list and revoke: revoked links stay listed with the time, and revoking twice is fine", async () => {
    const sessionId = await newSession();
    const { client: chair } = await person(sessionId, "MODERATOR");
    const first = (await chair.post(`/api/sessions/${sessionId}/listen-links`, { validForHours: 2 })).body as TListenLinkCreated;
    const second = (await chair.post(`/api/sessions/${sessionId}/listen-links`, {})).body as TListenLinkCreated;
    expect(Date.parse(first.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
    const revoked = await chair.post(`/api/sessions/${sessionId}/listen-links/${first.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await chair.post(`/api/sessions/${sessionId}/listen-links/${first.id}/revoke`)).body.revokedAt).toBe(revoked.body.revokedAt);
    const list = await chair.get(`/api/sessions/${sessionId}/listen-links`);
    expect(list.body.links.map((l: { id: string; revokedAt: string | null }) => [l.id, l.revokedAt !== null]).sort()).toEqual([[first.id, true], [second.id, false]].sort());
    expect(JSON.stringify(list.body)).not.toContain(first.token);
  });
});

describe("guest LiveKit tokens", () => {
  test("a guest gets a subscribe-only, short-lived token with an identity naming the link", async () => {
    const sessionId = await newSession();
    const link = await linkFor(sessionId);
    const res = await guestToken(link.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.identity).toMatch(new RegExp(`^guest-${link.id}-[A-Za-z0-9_-]{8}$`));
    const claims = jwtDecode(res.body.token);
    expect(claims.sub).toBe(res.body.identity);
    expect(claims.exp - claims.nbf).toBeLessThanOrEqual(120);
    expect(claims.video).toMatchObject({ room: `session-${sessionId}`, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
    expect(claims.video.roomAdmin).toBeFalsy();
    expect(claims.video.canUpdateOwnMetadata).toBeFalsy();
    expect(claims.video.canPublishSources ?? []).toEqual([]);
    expect(claims.attributes).toEqual({ "plenary.role": "guest" });
    // Two phones on one link are two participants.
    expect((await guestToken(link.token)).body.identity).not.toBe(res.body.identity);
  });

  test("refused: an unknown token, a revoked or expired link, a session that is not live", async () => {
    expect((await guestToken("x".repeat(43))).body.error.code).toBe("UNAUTHENTICATED");
    expect((await guestToken("short")).status).toBe(400);
    const sessionId = await newSession();
    const { client: chair } = await person(sessionId, "MODERATOR");
    const revoked = (await chair.post(`/api/sessions/${sessionId}/listen-links`, {})).body as TListenLinkCreated;
    await chair.post(`/api/sessions/${sessionId}/listen-links/${revoked.id}/revoke`);
    expect((await guestToken(revoked.token)).status).toBe(401);
    const expired = await linkFor(sessionId);
    await tdb.database.prisma.listenLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await guestToken(expired.token)).status).toBe(401);
    const early = await linkFor(await newSession("SCHEDULED"));
    expect((await guestToken(early.token)).body.error.code).toBe("SESSION_NOT_OPEN");
  });

  test("guest tokens are rate limited per client address", async () => {
    const limited = await startTestApp({ database: tdb.database, env: { RATE_LIMIT_GUEST_TOKENS_PER_MINUTE: "2" } });
    try {
      const link = await linkFor(await newSession());
      const ask = () => new TestClient(limited.baseUrl).post("/api/listen/token", { token: link.token });
      expect([(await ask()).status, (await ask()).status]).toEqual([200, 200]);
      const third = await ask();
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });

  test("revoking a link removes its guests from the LiveKit room at once", async () => {
    const sessionId = await newSession();
    const { client: chair } = await person(sessionId, "MODERATOR");
    const link = (await chair.post(`/api/sessions/${sessionId}/listen-links`, {})).body as TListenLinkCreated;
    const details = (await guestToken(link.token)).body;
    const room = new Room();
    rooms.push(room);
    await room.connect(details.serverUrl, details.token, { autoSubscribe: false, dynacast: false });
    const left = new Promise<void>((resolve) => room.once(RoomEvent.Disconnected, () => resolve()));
    expect((await chair.post(`/api/sessions/${sessionId}/listen-links/${link.id}/revoke`)).status).toBe(200);
    await left;
  });
});

describe("the guest namespace", () => {
  test("a guest syncs and selects, hears state pushes and is counted; listening time is recorded against the link", async () => {
    const sessionId = await newSession();
    const link = await linkFor(sessionId);
    const { client: interpreterClient, user: interpreter } = await person(sessionId, "INTERPRETER", { boothLanguage: "fr" });
    const booth = connectSocket(api.baseUrl, { cookie: interpreterClient.cookie });
    sockets.push(booth);
    await connected(booth);
    data(await emitAck(booth, "interpretation:sync", { sessionId, console: true }));

    const guest = guestSocket(link.token);
    await connected(guest);
    const sync = data(await emitAck<TInterpretationSnapshot>(guest, "interpretation:sync", { sessionId }));
    expect(sync.booths).toBeNull();
    expect(channel(sync.state, "fr").status).toBe("paused");

    const counted = eventWhere<TBoothsState>(booth, "interpretation:booths-changed", (st) => st.booths.find((b) => b.language === "fr")!.listeners === 1);
    const selected = data(await emitAck<TSelectChannelResult>(guest, "interpretation:select", { sessionId, channel: "fr" }));
    expect(selected.channel).toBe("fr");
    await counted;

    const live = eventWhere<TInterpretationState>(guest, "interpretation:state-changed", (st) => channel(st, "fr").status === "live");
    data(await emitAck(booth, "interpretation:take", { sessionId }));
    expect(channel(await live, "fr")).toEqual({ channel: "fr", status: "live", identity: interpreter.userId, standby: null });

    data(await emitAck(guest, "interpretation:select", { sessionId, channel: "floor" }));
    const gone = disconnected(guest);
    guest.disconnect();
    await gone;
    const closed = async () => (await tdb.database.prisma.listenerRecord.findMany({ where: { sessionId, endedAt: null } })).length;
    await expect.poll(closed, { timeout: 5000, interval: 50 }).toBe(0);
    const records = await tdb.database.prisma.listenerRecord.findMany({ where: { sessionId }, orderBy: { startedAt: "asc" } });
    expect(records.map((r) => [r.channel, r.listenLinkId, r.userId])).toEqual([
      ["fr", link.id, null],
      ["floor", link.id, null],
    ]);
  });

  test("a guest can do nothing but listen to its own session", async () => {
    const sessionId = await newSession();
    const other = await newSession();
    const guest = guestSocket((await linkFor(sessionId)).token);
    await connected(guest);
    expect(await emitAck(guest, "interpretation:sync", { sessionId: other })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await emitAck(guest, "interpretation:select", { sessionId: other, channel: "fr" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    for (const [event, payload] of [
      ["interpretation:take", { sessionId }],
      ["interpretation:set-floor-language", { sessionId, language: "fr" }],
      ["interpretation:chat", { sessionId, text: "hello" }],
      ["interpretation:slow-down", { sessionId }],
      ["session:join", { sessionId }],
      ["qa:sync", { sessionId }],
      ["qa:ask", { sessionId, text: "A question?", clientId: crypto.randomUUID() }],
    ] as const) {
      expect(await emitAck(guest, event, payload)).toEqual({ error: { code: "FORBIDDEN", message: "A listen link can only listen." } });
    }
    expect(await emitAck(guest, "interpretation:select", { sessionId, channel: "klingon" })).toMatchObject({ error: { code: "BAD_REQUEST" } });
    expect((await tdb.database.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).floorLanguage).toBeNull();
    data(await emitAck(guest, "interpretation:sync", { sessionId }));
  });

  test("the handshake refuses a bad token, a foreign origin, and a session that is not live is refused per request", async () => {
    const bad = guestSocket("y".repeat(43));
    await expect(connected(bad)).rejects.toThrow("UNAUTHENTICATED");
    const link = await linkFor(await newSession());
    await expect(connected(guestSocket(link.token, "https://evil.example"))).rejects.toThrow();
    const scheduled = await newSession("SCHEDULED");
    const early = guestSocket((await linkFor(scheduled)).token);
    await connected(early);
    expect(await emitAck(early, "interpretation:sync", { sessionId: scheduled })).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  test("a revoke disconnects the link's sockets at once; an expired link is refused at its next request", async () => {
    const sessionId = await newSession();
    const { client: chair } = await person(sessionId, "MODERATOR");
    const link = (await chair.post(`/api/sessions/${sessionId}/listen-links`, {})).body as TListenLinkCreated;
    const [a, b] = [guestSocket(link.token), guestSocket(link.token)];
    await Promise.all([connected(a), connected(b)]);
    const other = guestSocket((await linkFor(sessionId)).token);
    await connected(other);
    const closed = Promise.all([disconnected(a), disconnected(b)]);
    await chair.post(`/api/sessions/${sessionId}/listen-links/${link.id}/revoke`);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    await expect(connected(guestSocket(link.token))).rejects.toThrow("UNAUTHENTICATED");
    // Another link of the same session is untouched.
    data(await emitAck(other, "interpretation:sync", { sessionId }));

    const expiring = await linkFor(sessionId);
    const guest = guestSocket(expiring.token);
    await connected(guest);
    await tdb.database.prisma.listenLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await emitAck(guest, "interpretation:select", { sessionId, channel: "fr" })).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });
});
