import { CLIENT_EVENTS_BY_NAMESPACE, LISTEN_NAMESPACE, PRESENTER_NAMESPACE, type Ack, type TListenLinkCreated } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, TEST_ORIGIN, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { participant } from "./helpers/qa.ts";
import { connected } from "./helpers/socket.ts";

// Every client→server event of every namespace, driven from the contract's own table: a client
// that forgets the payload must still be answered, never left waiting.
let tdb: TestDatabase;
let api: TestApp;
const sockets: Record<string, Socket> = {};

beforeAll(async () => {
  tdb = await createTestDatabase();
  const sessionId = (await seedSessions(tdb.database.prisma))[0]!.id;
  api = await startTestApp({ database: tdb.database });
  const { client } = await participant(api.baseUrl, tdb.database.prisma, { role: { sessionId, role: "MODERATOR" } });
  const link = (await client.post(`/api/sessions/${sessionId}/listen-links`, {})).body as TListenLinkCreated;
  // The handshake each namespace asks for: the cookie, the moderator's session, a guest link.
  const auths: Record<keyof typeof CLIENT_EVENTS_BY_NAMESPACE, object> = { "/": {}, [PRESENTER_NAMESPACE]: { sessionId }, [LISTEN_NAMESPACE]: { token: link.token } };
  for (const [namespace, auth] of Object.entries(auths)) {
    const socket = io(`${api.baseUrl}${namespace}`, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, auth, extraHeaders: { Origin: TEST_ORIGIN, Cookie: client.cookie! } });
    await connected(socket as never);
    sockets[namespace] = socket;
  }
});
afterAll(async () => {
  Object.values(sockets).forEach((socket) => socket.disconnect());
  await api.close();
  await tdb.drop();
});

// Socket.IO's own events, which a client cannot emit.
const RESERVED = new Set(["connect", "connect_error", "disconnect", "disconnecting", "error", "newListener", "removeListener"]);
const cases = Object.entries(CLIENT_EVENTS_BY_NAMESPACE).flatMap(([namespace, events]) => events.map((event) => [namespace, event] as const));

describe("every event answers a bad payload with an error ack", () => {
  test("the table covers exactly the events the server handles", () => {
    for (const [namespace, events] of Object.entries(CLIENT_EVENTS_BY_NAMESPACE)) {
      const [serverSocket] = api.app.realtime.io.of(namespace).sockets.values();
      const handled = serverSocket!.eventNames().filter((name) => !RESERVED.has(String(name)));
      expect([...handled].sort(), namespace).toEqual([...events].sort());
    }
  });

  test.each(cases)("%s %s with a callback but no payload", async (namespace, event) => {
    const ack: Ack<unknown> = await sockets[namespace]!.timeout(5000).emitWithAck(event);
    expect(ack).toEqual({ error: { code: "BAD_REQUEST", message: "Some fields are missing or invalid." } });
  });

  test.each(cases)("%s %s with a null payload", async (namespace, event) => {
    const ack: Ack<unknown> = await sockets[namespace]!.timeout(5000).emitWithAck(event, null);
    expect(ack).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  test("text the database cannot store is refused in the ack, not by a crash", async () => {
    const sessionId = (await tdb.database.prisma.session.findFirstOrThrow({ where: { status: "LIVE" } })).id;
    for (const text of ["a\u0000b", "x\uD800"]) {
      const ack: Ack<unknown> = await sockets["/"]!.timeout(5000).emitWithAck("qa:ask", { sessionId, clientId: "bad-text-client", text });
      expect(ack).toEqual({ error: { code: "BAD_REQUEST", message: "Some fields are missing or invalid." } });
    }
  });
});
