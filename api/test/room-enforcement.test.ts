import { AudioFrame, AudioSource, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource, dispose } from "@livekit/rtc-node";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { FLOOR_EVENTS } from "@plenary/shared";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import type { TestClient } from "./helpers/http.ts";
import { connected as socketConnected, connectSocket, emitAck } from "./helpers/socket.ts";

// Organiser decisions taken while people are in the room must bite in LiveKit at once, not when a
// token next expires. Participants here are real WebRTC clients (@livekit/rtc-node) in a real
// livekit-server.
let tdb: TestDatabase;
let api: TestApp;
let organiser: TestClient;
const rooms = () => new RoomServiceClient(inject("livekitUrl").replace(/^ws/, "http"), "devkey", "secret");
const connected: Room[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedSessions(tdb.database.prisma);
  api = await startTestApp({ database: tdb.database });
  ({ client: organiser } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true }));
});
afterAll(async () => {
  await Promise.all(connected.map((room) => room.disconnect().catch(() => undefined)));
  await dispose();
  await api.close();
  await tdb.drop();
});

async function liveSession(): Promise<string> {
  const created = await organiser.post("/api/sessions", {
    title: "Enforcement check",
    type: "HIGH_LEVEL",
    room: "Room E",
    startsAt: "2024-05-28T10:00:00+02:00",
    endsAt: "2024-05-28T11:00:00+02:00",
    languages: ["en"],
  });
  expect(created.status).toBe(201);
  expect((await organiser.post(`/api/sessions/${created.body.id}/status`, { status: "LIVE" })).status).toBe(200);
  return created.body.id;
}

/** Joins the session's room as a real participant with the token the api issues for `role` (from `view`, else the role's own page). */
async function join(client: TestClient, sessionId: string, role: string, view?: string): Promise<Room> {
  const res = await client.post(`/api/sessions/${sessionId}/token`, view ? { role, view } : { role });
  expect(res.status).toBe(200);
  const room = new Room();
  connected.push(room);
  await room.connect(res.body.serverUrl, res.body.token, { autoSubscribe: false, dynacast: false });
  return room;
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
};

describe("organiser decisions reach people already in the room", () => {
  test("ending a session closes its room: the attendee is disconnected and no room remains", async () => {
    const sessionId = await liveSession();
    const { client: attendee } = await signedInClient(api.baseUrl, tdb.database.prisma);
    const room = await join(attendee, sessionId, "attendee");
    const disconnected = new Promise<void>((resolve) => room.once(RoomEvent.Disconnected, () => resolve()));

    expect((await organiser.post(`/api/sessions/${sessionId}/status`, { status: "ENDED" })).status).toBe(200);
    await disconnected;
    expect(await rooms().listRooms([`session-${sessionId}`])).toEqual([]);
    // And the way back in is shut: no token for an ended session.
    expect((await attendee.post(`/api/sessions/${sessionId}/token`, { role: "attendee" })).status).toBe(409);
  });

  test("removing a speaker's role unpublishes their microphone and leaves every view of theirs only listening", async () => {
    const sessionId = await liveSession();
    const { client: speaker, user } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId, role: "SPEAKER" } });
    // The session page opened as a speaker, then the speaker view: two participants of one person.
    const sessionPage = await join(speaker, sessionId, "speaker", "session");
    const room = await join(speaker, sessionId, "speaker");
    const identity = room.localParticipant!.identity;
    // A speaker publishes once they hold the floor: they take it, as the speaker view does.
    const socket = connectSocket(api.baseUrl, { cookie: speaker.cookie });
    await socketConnected(socket);
    expect(await emitAck(socket, FLOOR_EVENTS.take, { sessionId, language: "en" })).toHaveProperty("data");
    socket.disconnect();
    await until(async () => Boolean((await rooms().getParticipant(`session-${sessionId}`, identity)).permission?.canPublish), "the floor lets the speaker view publish");
    const source = new AudioSource(48_000, 1);
    const track = LocalAudioTrack.createAudioTrack("microphone", source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await room.localParticipant!.publishTrack(track, options);
    await source.captureFrame(new AudioFrame(new Int16Array(480), 48_000, 1, 480));
    const participant = () => rooms().getParticipant(`session-${sessionId}`, identity);
    await until(async () => (await participant()).tracks.length === 1, "the microphone is published");
    // Both views are in the room: the second did not push the first out.
    const present = (await rooms().listParticipants(`session-${sessionId}`)).map((p) => p.identity);
    expect(present).toEqual(expect.arrayContaining([identity, sessionPage.localParticipant!.identity]));

    const { roles } = (await organiser.get(`/api/sessions/${sessionId}/roles`)).body;
    const assignment = roles.find((r: { userId: string }) => r.userId === user.id);
    expect((await organiser.request("DELETE", `/api/sessions/${sessionId}/roles/${assignment.id}`)).status).toBe(200);

    const after = await participant();
    expect(after.permission).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false });
    await until(async () => (await participant()).tracks.length === 0, "the microphone is unpublished");
    const otherView = await rooms().getParticipant(`session-${sessionId}`, sessionPage.localParticipant!.identity);
    expect(otherView.permission).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false });
    // The next token follows the change too.
    expect((await speaker.post(`/api/sessions/${sessionId}/token`, { role: "speaker" })).status).toBe(403);
  });

  test("removing one of two roles leaves the person's publishing alone", async () => {
    const sessionId = await liveSession();
    const { client: person, user } = await signedInClient(api.baseUrl, tdb.database.prisma, { role: { sessionId, role: "SPEAKER" } });
    await tdb.database.prisma.sessionRole.create({ data: { sessionId, userId: user.id, role: "STAGE" } });
    const stage = await join(person, sessionId, "stage");
    const { roles } = (await organiser.get(`/api/sessions/${sessionId}/roles`)).body;
    const speakerRole = roles.find((r: { userId: string; role: string }) => r.userId === user.id && r.role === "SPEAKER");
    expect((await organiser.request("DELETE", `/api/sessions/${sessionId}/roles/${speakerRole.id}`)).status).toBe(200);
    expect((await rooms().getParticipant(`session-${sessionId}`, stage.localParticipant!.identity)).permission).toMatchObject({ canPublish: true });
  });
});
