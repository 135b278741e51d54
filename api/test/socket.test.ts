import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Session } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";
import { connected, connectSocket, emitAck, nextEvent, type TestSocket } from "./helpers/socket.ts";

let tdb: TestDatabase;
let api: TestApp;
let live: Session;
let scheduled: Session;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  tdb = await createTestDatabase();
  const sessions = await seedSessions(tdb.database.prisma);
  live = sessions.find((s) => s.status === "LIVE")!;
  scheduled = sessions.find((s) => s.status === "SCHEDULED")!;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api.close();
  await tdb.drop();
});

describe("Socket.IO handshake", () => {
  test("refused without a session cookie", async () => {
    await expect(connected(track(connectSocket(api.baseUrl)))).rejects.toThrow("UNAUTHENTICATED");
  });

  test("refused with a forged cookie", async () => {
    await expect(connected(track(connectSocket(api.baseUrl, { cookie: "plenary_session=forged" })))).rejects.toThrow("UNAUTHENTICATED");
  });

  test("refused from a foreign origin even with a valid cookie", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    await expect(connected(track(connectSocket(api.baseUrl, { cookie: client.cookie, origin: "https://evil.example" })))).rejects.toThrow();
  });

  test("logging out closes that login's sockets, and only that login's", async () => {
    const { client, user } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const otherTab = new TestClient(api.baseUrl);
    expect((await otherTab.post("/api/auth/login", { email: user.email, password: "correct horse battery" })).status).toBe(200);
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    const other = track(connectSocket(api.baseUrl, { cookie: otherTab.cookie }));
    await Promise.all([connected(socket), connected(other)]);

    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    // The other login's socket still works.
    expect(await emitAck(other, "session:join", { sessionId: live.id })).toMatchObject({ data: { session: { id: live.id } } });
  });

  test("accepted with a valid cookie from the allowed origin", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    await expect(connected(track(connectSocket(api.baseUrl, { cookie: client.cookie })))).resolves.toBeUndefined();
  });
});

describe("session:join", () => {
  test("an attendee joins a live session; the ack carries the session", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(socket);
    const ack = await emitAck<{ session: { id: string } }>(socket, "session:join", { sessionId: live.id });
    expect(ack).toEqual({ data: { session: expect.objectContaining({ id: live.id, status: "LIVE" }) } });
  });

  test("a non-member is refused a session that is not live, with an error ack", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(socket);
    expect(await emitAck(socket, "session:join", { sessionId: scheduled.id })).toEqual({ error: { code: "FORBIDDEN", message: "You cannot join this session." } });
  });

  test("staff of the session may join before it is live", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: scheduled.id, role: "MODERATOR" } });
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(socket);
    expect(await emitAck(socket, "session:join", { sessionId: scheduled.id })).toHaveProperty("data");
  });

  test.each([
    ["a missing payload", undefined],
    ["a string", "hello"],
    ["a wrong type", { sessionId: 42 }],
    ["an unknown id", { sessionId: "00000000-0000-4000-8000-000000000000" }],
  ])("acks carry errors for %s, and the server survives", async (_name, payload) => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(socket);
    const ack = await emitAck(socket, "session:join", payload);
    expect(ack).toHaveProperty("error.code");
    expect(["BAD_REQUEST", "NOT_FOUND"]).toContain((ack as any).error.code);
    expect(await emitAck(socket, "session:join", { sessionId: live.id })).toHaveProperty("data");
  });

  test("an oversized frame is dropped by maxHttpBufferSize without affecting others", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const big = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(big);
    const disconnected = new Promise((resolve) => big.once("disconnect", resolve));
    big.emit("session:join", { sessionId: "x".repeat(100_000) } as never, () => undefined);
    await disconnected;
    const other = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(other);
    expect(await emitAck(other, "session:join", { sessionId: live.id })).toHaveProperty("data");
  });

  test("members receive session:updated when an organiser closes the session", async () => {
    const db = tdb.database.prisma;
    const session = await db.session.create({
      data: { eventId: live.eventId, title: "Broadcast check", type: "WORKSHOP", room: "K", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE" },
    });
    const { client } = await signedInClient(api.baseUrl, db);
    const socket = track(connectSocket(api.baseUrl, { cookie: client.cookie }));
    await connected(socket);
    await emitAck(socket, "session:join", { sessionId: session.id });
    const update = nextEvent<{ session: { status: string } }>(socket, "session:updated");
    const { client: organiser } = await signedInClient(api.baseUrl, db, { organiser: true });
    expect((await organiser.post(`/api/sessions/${session.id}/status`, { status: "ENDED" })).status).toBe(200);
    expect((await update).session.status).toBe("ENDED");
  });
});
