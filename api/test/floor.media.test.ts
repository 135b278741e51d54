import { dispose, type LocalTrackPublication } from "@livekit/rtc-node";
import { FLOOR_EVENTS, type Ack, type TFloorList, type TFloorState, type TMyFloor } from "@plenary/shared";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { hears } from "./helpers/goertzel.ts";
import type { TestClient } from "./helpers/http.ts";
import { eventWhere, participant as person } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, type TestSocket } from "./helpers/socket.ts";
import { joinToneListener, startTonePublisher } from "./helpers/tones.ts";

// The floor on the real livekit-server: publishing exists only between the chair's grant and the
// take-back, whatever the participant's client does. Participants are real WebRTC clients
// (@livekit/rtc-node); the speaker's microphone is a 440 Hz tone a listener detects.
let tdb: TestDatabase;
let api: TestApp;
let organiser: TestClient;
const closers: (() => Promise<unknown>)[] = [];
const sockets: TestSocket[] = [];
const rooms = () => new RoomServiceClient(inject("livekitUrl").replace(/^ws/, "http"), "devkey", "secret");
const TONE = 440;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedSessions(tdb.database.prisma);
  api = await startTestApp({ database: tdb.database });
  ({ client: organiser } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true }));
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all(closers.map((close) => close().catch(() => undefined)));
  await dispose();
  await api.close();
  await tdb.drop();
});

const data = <T>(ack: Ack<T>): T => {
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

async function liveSession(): Promise<string> {
  const created = await organiser.post("/api/sessions", {
    title: "Floor check",
    type: "POLICY",
    room: "Room F",
    startsAt: "2024-05-28T10:00:00+02:00",
    endsAt: "2024-05-28T11:00:00+02:00",
    languages: ["en", "fr"],
  });
  expect((await organiser.post(`/api/sessions/${created.body.id}/status`, { status: "LIVE" })).status).toBe(200);
  return created.body.id;
}

async function socketFor(client: TestClient, sessionId: string): Promise<TestSocket> {
  const socket = connectSocket(api.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  data(await emitAck(socket, FLOOR_EVENTS.sync, { sessionId }));
  return socket;
}

/** A token for `role` from `view` (without one, the role's own page: the session page, the speaker view). */
async function tokenFor(client: TestClient, sessionId: string, role = "attendee", view?: string) {
  const res = await client.post(`/api/sessions/${sessionId}/token`, view ? { role, view } : { role });
  expect(res.status).toBe(200);
  return res.body as { serverUrl: string; token: string; identity: string };
}

/** A signed-in person made straight in the database (registering many would trip the rate limit). */
async function someone(role?: { sessionId: string; role: "SPEAKER" | "MODERATOR" }) {
  const { client, user } = await person(api.baseUrl, tdb.database.prisma, role ? { role } : {});
  return { client, user: { id: user.userId } };
}

/** An attendee in the room with a tone ready to publish, a chair, and a listener. */
async function scene(sessionId: string) {
  const { client: delegate, user } = await someone();
  const { client: chairClient } = await someone({ sessionId, role: "MODERATOR" });
  const { client: listenerClient } = await someone();
  const token = await tokenFor(delegate, sessionId);
  const speaker = await startTonePublisher({ url: token.serverUrl, token: token.token, hz: TONE, publish: false });
  closers.push(() => speaker.close());
  const listenerToken = await tokenFor(listenerClient, sessionId);
  const listener = await joinToneListener({ url: listenerToken.serverUrl, token: listenerToken.token, frequencies: [TONE] });
  closers.push(() => listener.close());
  // The delegate's session page: the view that holds the floor for an attendee.
  const identity = token.identity;
  return { delegate, user, identity, speaker, listener, chair: await socketFor(chairClient, sessionId), delegateSocket: await socketFor(delegate, sessionId) };
}

const participant = (sessionId: string, identity: string) => rooms().getParticipant(`session-${sessionId}`, identity);
const until = async (check: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
};
/** rtc-node has no permission event: wait until the SFU lets the participant publish. */
const mayPublish = (sessionId: string, identity: string) => until(async () => Boolean((await participant(sessionId, identity)).permission?.canPublish), "the participant may publish");

describe("the floor in LiveKit", () => {
  test("an attendee token cannot publish: the server refuses the track", async () => {
    const sessionId = await liveSession();
    const { speaker, identity } = await scene(sessionId);
    await expect(speaker.publish()).rejects.toThrow();
    expect((await participant(sessionId, identity)).tracks).toEqual([]);
  });

  test("grant: the speaker may publish and is heard; take-back: unpublished at the SFU although the client keeps sending", async () => {
    const sessionId = await liveSession();
    const { speaker, identity, listener, chair, delegateSocket } = await scene(sessionId);
    const mine = data(await emitAck<TMyFloor>(delegateSocket, FLOOR_EVENTS.request, { sessionId, language: "fr" }));

    data(await emitAck<TFloorList>(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    expect((await participant(sessionId, identity)).permission).toMatchObject({ canSubscribe: true, canPublish: true });
    const publication: LocalTrackPublication = await speaker.publish();
    expect(publication.sid).toBeTruthy();
    await listener.listener.waitFor((frame) => frame.source === identity && hears(frame, TONE), 15_000);

    // The client does not cooperate: it never unpublishes. The server's take-back still silences it.
    data(await emitAck<TFloorList>(chair, FLOOR_EVENTS.revoke, { sessionId, requestId: mine.requestId }));
    const after = await participant(sessionId, identity);
    expect(after.permission).toMatchObject({ canPublish: false, canSubscribe: true });
    await until(async () => (await participant(sessionId, identity)).tracks.length === 0, "the speaker's track is unpublished server-side");
    // And publishing again is refused.
    await expect(speaker.publish()).rejects.toThrow();
  });

  test("a chair's mute sent before the microphone is published holds: the sweeper mutes the track once the SFU has it", async () => {
    const sessionId = await liveSession();
    const { speaker, identity, chair, delegateSocket } = await scene(sessionId);
    const mine = data(await emitAck<TMyFloor>(delegateSocket, FLOOR_EVENTS.request, { sessionId, language: "fr" }));
    data(await emitAck<TFloorList>(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    // Muted while nothing is published yet: there is no track for the SFU to mute.
    data(await emitAck(chair, FLOOR_EVENTS.mute, { sessionId, requestId: mine.requestId, muted: true }));
    expect((await participant(sessionId, identity)).tracks).toEqual([]);
    // The client ignores the mute and publishes an open microphone.
    await speaker.publish();
    await until(async () => (await participant(sessionId, identity)).tracks.some((t) => t.muted), "the microphone is muted at the SFU");
  });

  test("a holder who leaves the room is marked for the chair and loses the floor after the grace period", async () => {
    const sessionId = await liveSession();
    const { speaker, user, chair, delegateSocket } = await scene(sessionId);
    const mine = data(await emitAck<TMyFloor>(delegateSocket, FLOOR_EVENTS.request, { sessionId, language: "en" }));
    data(await emitAck(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    const marked = eventWhere<TFloorList>(chair, FLOOR_EVENTS.listChanged, (l) => l.holders[0]?.disconnectedAt != null);
    await speaker.room.disconnect();
    expect((await marked).holders[0]!.userId).toBe(user.id);
    // Rather than wait out the grace, move the drop-out into the past: the sweeper releases it.
    await tdb.database.query(`UPDATE "FloorRequest" SET "disconnectedAt" = "disconnectedAt" - interval '1 minute' WHERE id = $1::uuid`, [mine.requestId]);
    const released = await eventWhere<TMyFloor>(delegateSocket, FLOOR_EVENTS.mineChanged, (m) => m.status === "ENDED");
    expect(released.endReason).toBe("disconnected");
  });

  test("a holder who rejoins with a fresh (listen-only) token gets their publishing back", async () => {
    const sessionId = await liveSession();
    const { delegate, speaker, identity, chair, delegateSocket } = await scene(sessionId);
    const mine = data(await emitAck<TMyFloor>(delegateSocket, FLOOR_EVENTS.request, { sessionId, language: "en" }));
    data(await emitAck(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    await speaker.room.disconnect();
    const token = await tokenFor(delegate, sessionId);
    const again = await startTonePublisher({ url: token.serverUrl, token: token.token, hz: TONE, publish: false });
    closers.push(() => again.close());
    await until(async () => Boolean((await participant(sessionId, identity)).permission?.canPublish), "the grant is applied to the new connection");
    expect((await again.publish()).sid).toBeTruthy();
  });

  test("the timer takes the floor back when the chair chose automatic take-back", async () => {
    const sessionId = await liveSession();
    const { speaker, identity, chair, delegateSocket } = await scene(sessionId);
    data(await emitAck(chair, FLOOR_EVENTS.settings, { sessionId, autoRevoke: true, speakingTimeSeconds: 15 }));
    const mine = data(await emitAck<TMyFloor>(delegateSocket, FLOOR_EVENTS.request, { sessionId, language: "en" }));
    data(await emitAck(chair, FLOOR_EVENTS.grant, { sessionId, requestId: mine.requestId }));
    await mayPublish(sessionId, identity);
    await speaker.publish();
    // Time up and the overtime grace spent, without waiting for them.
    data(await emitAck(chair, FLOOR_EVENTS.extend, { sessionId, requestId: mine.requestId, seconds: -60 }));
    const ended = await eventWhere<TMyFloor>(delegateSocket, FLOOR_EVENTS.mineChanged, (m) => m.status === "ENDED");
    expect(ended.endReason).toBe("timer");
    await until(async () => (await participant(sessionId, identity)).tracks.length === 0, "the track is unpublished");
  });
});

describe("one person, several views: the floor goes to one of them, and the take-back reaches all", () => {
  test("a speaker holds the floor on the session page, opens the speaker view (the floor moves there, both stay in the room), and the take-back silences both", async () => {
    const sessionId = await liveSession();
    const { client: speakerClient } = await someone({ sessionId, role: "SPEAKER" });
    const { client: chairClient } = await someone({ sessionId, role: "MODERATOR" });
    const { client: listenerClient } = await someone();
    const listenerToken = await tokenFor(listenerClient, sessionId);
    const listener = await joinToneListener({ url: listenerToken.serverUrl, token: listenerToken.token, frequencies: [TONE] });
    closers.push(() => listener.close());
    const chair = await socketFor(chairClient, sessionId);

    // The session page opened as a speaker holds the floor while it is their only floor view.
    const pageToken = await tokenFor(speakerClient, sessionId, "speaker", "session");
    const page = await startTonePublisher({ url: pageToken.serverUrl, token: pageToken.token, hz: TONE, publish: false });
    closers.push(() => page.close());
    const mine = data(await emitAck<TMyFloor>(await socketFor(speakerClient, sessionId), FLOOR_EVENTS.take, { sessionId, language: "en" }));
    await mayPublish(sessionId, pageToken.identity);
    await page.publish();
    await listener.listener.waitFor((f) => f.source === pageToken.identity && hears(f, TONE), 15_000);

    // The speaker view joins: it is a second participant, and the floor moves to it (the sweeper).
    const viewToken = await tokenFor(speakerClient, sessionId, "speaker");
    expect(viewToken.identity).not.toBe(pageToken.identity);
    const view = await startTonePublisher({ url: viewToken.serverUrl, token: viewToken.token, hz: TONE, publish: false });
    closers.push(() => view.close());
    await mayPublish(sessionId, viewToken.identity);
    await until(async () => (await participant(sessionId, pageToken.identity)).tracks.length === 0, "the session page stops publishing: one view speaks for the person");
    expect((await participant(sessionId, pageToken.identity)).permission).toMatchObject({ canPublish: false, canSubscribe: true });
    await view.publish();
    await listener.listener.waitFor((f) => f.source === viewToken.identity && hears(f, TONE), 15_000);
    const present = (await rooms().listParticipants(`session-${sessionId}`)).map((p) => p.identity);
    expect(present).toEqual(expect.arrayContaining([pageToken.identity, viewToken.identity]));

    data(await emitAck<TFloorList>(chair, FLOOR_EVENTS.revoke, { sessionId, requestId: mine.requestId }));
    await until(async () => (await participant(sessionId, viewToken.identity)).tracks.length === 0, "the speaker view's track is unpublished server-side");
    for (const identity of [viewToken.identity, pageToken.identity]) expect((await participant(sessionId, identity)).permission).toMatchObject({ canPublish: false, canSubscribe: true });
    await expect(page.publish()).rejects.toThrow();
  });

  test("the holder stays present while one of their floor views remains; the chair's mute reaches the view that speaks", async () => {
    const sessionId = await liveSession();
    const { client: speakerClient } = await someone({ sessionId, role: "SPEAKER" });
    const { client: chairClient } = await someone({ sessionId, role: "MODERATOR" });
    const chair = await socketFor(chairClient, sessionId);
    const pageToken = await tokenFor(speakerClient, sessionId, "speaker", "session");
    const page = await startTonePublisher({ url: pageToken.serverUrl, token: pageToken.token, hz: TONE, publish: false });
    closers.push(() => page.close());
    const viewToken = await tokenFor(speakerClient, sessionId, "speaker");
    const view = await startTonePublisher({ url: viewToken.serverUrl, token: viewToken.token, hz: TONE, publish: false });
    closers.push(() => view.close());
    const mine = data(await emitAck<TMyFloor>(await socketFor(speakerClient, sessionId), FLOOR_EVENTS.take, { sessionId, language: "en" }));
    // With both open, the speaker view holds the floor and the session page only listens.
    await mayPublish(sessionId, viewToken.identity);
    expect((await participant(sessionId, pageToken.identity)).permission?.canPublish).toBe(false);
    await view.publish();
    // The mute acts on the tracks the SFU has: it must know the microphone first.
    await until(async () => (await participant(sessionId, viewToken.identity)).tracks.length > 0, "the speaker view's microphone is published at the SFU");

    data(await emitAck(chair, FLOOR_EVENTS.mute, { sessionId, requestId: mine.requestId, muted: true }));
    await until(async () => (await participant(sessionId, viewToken.identity)).tracks.some((t) => t.muted), "the speaker view's microphone is muted at the SFU");

    // Closing the session page does not mark the holder as gone: the speaker view is still in the room.
    await page.room.disconnect();
    await until(async () => !(await rooms().listParticipants(`session-${sessionId}`)).some((p) => p.identity === pageToken.identity), "the session page has left");
    // Proof that a sweep has run since: it gives the floor back to a speaker view that lost its rights.
    await rooms().updateParticipant(`session-${sessionId}`, viewToken.identity, { permission: { canSubscribe: true, canPublish: false, canPublishData: false } });
    await mayPublish(sessionId, viewToken.identity);
    const row = await tdb.database.prisma.floorRequest.findUniqueOrThrow({ where: { id: mine.requestId } });
    expect(row).toMatchObject({ status: "GRANTED", disconnectedAt: null });
  });
});

describe("a grant ends with the session, the speaker's removal and logout", () => {
  test.each(["session ended", "role removed", "logged out"] as const)("%s", async (decision) => {
    const sessionId = await liveSession();
    const { client: speakerClient, user } = await someone({ sessionId, role: "SPEAKER" });
    const { client: watcherClient } = await someone({ sessionId, role: "MODERATOR" });
    const token = await tokenFor(speakerClient, sessionId, "speaker");
    const speaker = await startTonePublisher({ url: token.serverUrl, token: token.token, hz: TONE, publish: false });
    closers.push(() => speaker.close());
    const socket = await socketFor(speakerClient, sessionId);
    const watcher = await socketFor(watcherClient, sessionId);
    data(await emitAck(socket, FLOOR_EVENTS.take, { sessionId, language: "en" }));
    await mayPublish(sessionId, token.identity);
    await speaker.publish();
    const cleared = eventWhere<TFloorState>(watcher, FLOOR_EVENTS.changed, (s) => s.holders.length === 0);

    if (decision === "session ended") expect((await organiser.post(`/api/sessions/${sessionId}/status`, { status: "ENDED" })).status).toBe(200);
    if (decision === "role removed") {
      const { roles } = (await organiser.get(`/api/sessions/${sessionId}/roles`)).body;
      const role = roles.find((r: { userId: string }) => r.userId === user.id);
      expect((await organiser.request("DELETE", `/api/sessions/${sessionId}/roles/${role.id}`)).status).toBe(200);
    }
    if (decision === "logged out") expect((await speakerClient.post("/api/auth/logout", {})).status).toBe(204);

    if (decision !== "session ended") await cleared;
    const row = await tdb.database.prisma.floorRequest.findFirstOrThrow({ where: { sessionId, userId: user.id } });
    expect(row.status).toBe("ENDED");
    expect(row.endReason).toBe({ "session ended": "session-ended", "role removed": "role-removed", "logged out": "logged-out" }[decision]);
    if (decision !== "session ended") await until(async () => (await participant(sessionId, token.identity)).tracks.length === 0, "the track is unpublished");
  });
});
