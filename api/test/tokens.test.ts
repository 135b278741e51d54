import { dispose, Room } from "@livekit/rtc-node";
import { jwtDecode } from "./helpers/jwt.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Session } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";
import { RoomServiceClient } from "livekit-server-sdk";
import { inject } from "vitest";

let tdb: TestDatabase;
let api: TestApp;
let live: Session;
let scheduled: Session;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const sessions = await seedSessions(tdb.database.prisma);
  live = sessions.find((s) => s.status === "LIVE")!;
  scheduled = sessions.find((s) => s.status === "SCHEDULED")!;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await Promise.all(joined.map((room) => room.disconnect().catch(() => undefined)));
  await dispose();
  await api.close();
  await tdb.drop();
});

const tokenFor = (client: TestClient, sessionId: string, role?: string) => client.post(`/api/sessions/${sessionId}/token`, role ? { role } : {});
const livekitRooms = () => new RoomServiceClient(inject("livekitUrl").replace(/^ws/, "http"), "devkey", "secret");
const joined: Room[] = [];

/** A real participant (@livekit/rtc-node) in the live session's room with the token the api issues for `body`. */
async function joinRoom(client: TestClient, body: { role: string; view: string }): Promise<Room> {
  const res = await client.post(`/api/sessions/${live.id}/token`, body);
  expect(res.status).toBe(200);
  const room = new Room();
  joined.push(room);
  await room.connect(res.body.serverUrl, res.body.token, { autoSubscribe: false, dynacast: false });
  return room;
}

describe("POST /api/sessions/:id/token", () => {
  test("401 without login", async () => {
    const res = await tokenFor(new TestClient(api.baseUrl), live.id);
    expect(res.status).toBe(401);
  });

  test("an attendee of a live session gets a subscribe-only token, 10 minutes, identity = the session page's", async () => {
    const { client, user } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const res = await tokenFor(client, live.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ serverUrl: inject("livekitUrl"), roomName: `session-${live.id}`, identity: `${user.id}:attendee:session` });
    const claims = jwtDecode(res.body.token);
    expect(claims.sub).toBe(`${user.id}:attendee:session`);
    expect(claims.exp - claims.nbf).toBeLessThanOrEqual(900);
    expect(claims.video).toMatchObject({ room: `session-${live.id}`, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
    expect(claims.video.roomAdmin).toBeFalsy();
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
  });

  test("the api created the LiveKit room on demand", async () => {
    const rooms = await new RoomServiceClient(inject("livekitUrl").replace("ws", "http"), "devkey", "secret").listRooms([`session-${live.id}`]);
    expect(rooms.map((r) => r.name)).toEqual([`session-${live.id}`]);
  });

  test("409 for an attendee before the session is live; staff may join early", async () => {
    const { client: attendee } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const early = await tokenFor(attendee, scheduled.id);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("SESSION_NOT_OPEN");
    const { client: stage } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: scheduled.id, role: "STAGE" } });
    expect((await tokenFor(stage, scheduled.id, "stage")).status).toBe(200);
  });

  test.each([
    ["speaker", "SPEAKER", undefined, { canPublish: false, canPublishSources: [] }],
    ["stage", "STAGE", undefined, { canPublish: true, canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"] }],
    ["interpreter", "INTERPRETER", "fr", { canPublish: true, canPublishSources: ["microphone"] }],
    ["moderator", "MODERATOR", undefined, { roomAdmin: true }],
  ] as const)("%s: 403 without the role, the right grants with it", async (role, staffRole, booth, expected) => {
    const { client: outsider } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const refused = await tokenFor(outsider, live.id, role);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");

    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: live.id, role: staffRole, boothLanguage: booth } });
    const res = await tokenFor(client, live.id, role);
    expect(res.status).toBe(200);
    expect(res.body.grants).toMatchObject(expected);
    const claims = jwtDecode(res.body.token);
    expect(claims.video).toMatchObject(expected);
    if (booth) expect(claims.attributes).toMatchObject({ "plenary.booth": booth });
  });

  test("an ended session refuses everyone with 409", async () => {
    const ended = await tdb.database.prisma.session.update({ where: { id: scheduled.id }, data: { status: "ENDED" } });
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: ended.id, role: "MODERATOR" } });
    expect((await tokenFor(client, ended.id, "moderator")).status).toBe(409);
  });

  test("role and status changes made through the api apply at once, despite the access cache", async () => {
    const db = tdb.database.prisma;
    const session = await db.session.create({
      data: { eventId: live.eventId, title: "Cache check", type: "WORKSHOP", room: "K", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE" },
    });
    const { client: organiser } = await signedInClient(api.baseUrl, db, { organiser: true });
    const { client: speaker, user } = await signedInClient(api.baseUrl, db);
    await organiser.post(`/api/sessions/${session.id}/roles`, { email: user.email, role: "SPEAKER" });
    expect((await tokenFor(speaker, session.id, "speaker")).status).toBe(200);
    expect((await tokenFor(speaker, session.id)).status).toBe(200);

    const { roles } = (await organiser.get(`/api/sessions/${session.id}/roles`)).body;
    await organiser.request("DELETE", `/api/sessions/${session.id}/roles/${roles[0].id}`);
    expect((await tokenFor(speaker, session.id, "speaker")).status).toBe(403);

    await organiser.post(`/api/sessions/${session.id}/status`, { status: "ENDED" });
    expect((await tokenFor(speaker, session.id)).status).toBe(409);
  });

  test("each view has its own identity; the booth console's is the user id; a role's own page is assumed without a view", async () => {
    const { client, user } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: live.id, role: "INTERPRETER", boothLanguage: "fr" } });
    const identity = async (body: object) => (await client.post(`/api/sessions/${live.id}/token`, body)).body.identity;
    expect(await identity({ role: "interpreter", view: "booth" })).toBe(user.id);
    expect(await identity({ role: "interpreter" })).toBe(user.id);
    expect(await identity({ role: "interpreter", view: "session" })).toBe(`${user.id}:interpreter:session`);
    expect(await identity({ role: "attendee", view: "listen" })).toBe(`${user.id}:attendee:listen`);
    expect((await client.post(`/api/sessions/${live.id}/token`, { role: "attendee", view: "lobby" })).status).toBe(400);
  });

  test("the same person in two views at once: both stay in the room", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId: live.id, role: "INTERPRETER", boothLanguage: "fr" } });
    const booth = await joinRoom(client, { role: "interpreter", view: "booth" });
    const sessionPage = await joinRoom(client, { role: "attendee", view: "session" });
    const listenPage = await joinRoom(client, { role: "attendee", view: "listen" });
    const present = (await livekitRooms().listParticipants(`session-${live.id}`)).map((p) => p.identity);
    const mine = [booth, sessionPage, listenPage].map((r) => r.localParticipant!.identity);
    expect(new Set(mine).size).toBe(3);
    expect(present).toEqual(expect.arrayContaining(mine));
    for (const room of [booth, sessionPage, listenPage]) expect(room.isConnected).toBe(true);
  });

  test("unknown role names and unknown sessions", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma);
    expect((await tokenFor(client, live.id, "president")).status).toBe(400);
    expect((await tokenFor(client, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
