import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { StaffRole } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { REDIS_URL } from "./helpers/db-urls.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import type { TestClient } from "./helpers/http.ts";
import { spawnApi, type ApiProcess } from "./helpers/process.ts";
import { eventWhere, participant } from "./helpers/qa.ts";
import { ask, BOOTH, cameThrough, openSocket, openSubject, roomName, type Received, type RoomKind, type Subject, type SubjectKind } from "./helpers/revocation.ts";

// Decisions bite on sockets already open, on every api process: two api processes share Redis and
// PostgreSQL; A (in this process, so the test can look at rooms through the adapter) takes every
// decision, and the socket it concerns is on B or on A. Nothing is awaited by time: after the
// decision, A broadcasts to each room the socket lost, then a sentinel that organisers on both
// processes hear. Redis delivers A's messages in order, so once the sentinel is heard everywhere,
// anything those rooms carried has been sent; an ack on the socket's own connection then proves
// that nothing sent to it is still on the way.
let tdb: TestDatabase;
let apiA: TestApp;
let apiB: ApiProcess;
let eventId: string;
let organiser: TestClient;
let sentinelSession: string;
const controls: Socket[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  // Channels of their own: api processes of test files running alongside must not be asked too.
  const channels = { REDIS_CHANNEL_PREFIX: `revocation-${randomUUID()}` };
  [apiA, apiB] = await Promise.all([startTestApp({ database: tdb.database, redis: true, env: channels }), spawnApi({ DATABASE_URL: tdb.url, REDIS_URL, ...channels })]);
  ({ client: organiser } = await participant(apiA.baseUrl, tdb.database.prisma, { organiser: true }));
  sentinelSession = await newSession();
  for (const baseUrl of [apiA.baseUrl, apiB.baseUrl]) {
    const control = await openSocket(baseUrl, { cookie: organiser.cookie });
    await ask(control, "session:join", { sessionId: sentinelSession });
    controls.push(control);
  }
});
afterAll(async () => {
  [...controls, ...sockets].forEach((s) => s.disconnect());
  // B first: its shutdown asks A through the adapter (audience counts), which A must still answer.
  await apiB?.stop();
  await apiA?.close();
  await tdb.drop();
});

async function newSession(): Promise<string> {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Decided", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en", BOOTH, "es"], status: "LIVE" },
  });
  return session.id;
}

/** Resolves once both processes have sent everything A published before it. */
async function sentinel(): Promise<void> {
  const room = `Sentinel ${randomUUID()}`;
  const heard = controls.map((control) => eventWhere<{ session: { room: string } }>(control, "session:updated", (p) => p.session.room === room));
  expect((await organiser.request("PATCH", `/api/sessions/${sentinelSession}`, { room })).status).toBe(200);
  await Promise.all(heard);
}

interface Case {
  sessionId: string;
  subject: Subject;
  /** An interpreter of the same booth on A, who can talk to the booth. */
  partner?: Socket;
  marker: string;
}

async function changeRole(c: Case, to: { role: StaffRole; boothLanguage?: string }): Promise<void> {
  const { email } = await tdb.database.prisma.user.findUniqueOrThrow({ where: { id: c.subject.userId } });
  expect((await organiser.post(`/api/sessions/${c.sessionId}/roles`, { email, ...to })).status).toBe(201);
  const held = await tdb.database.prisma.sessionRole.findMany({ where: { sessionId: c.sessionId, userId: c.subject.userId, role: { not: to.role } } });
  for (const { id } of held) expect((await organiser.request("DELETE", `/api/sessions/${c.sessionId}/roles/${id}`)).status).toBe(200);
}

const DECISIONS = {
  "role removed": async (c: Case) => {
    const held = await tdb.database.prisma.sessionRole.findMany({ where: { sessionId: c.sessionId, userId: c.subject.userId } });
    for (const { id } of held) expect((await organiser.request("DELETE", `/api/sessions/${c.sessionId}/roles/${id}`)).status).toBe(200);
  },
  "role changed to stage": (c: Case) => changeRole(c, { role: "STAGE" }),
  "role changed to speaker": (c: Case) => changeRole(c, { role: "SPEAKER" }),
  "booth changed": (c: Case) => changeRole(c, { role: "INTERPRETER", boothLanguage: "es" }),
  "session ended": async (c: Case) => expect((await organiser.post(`/api/sessions/${c.sessionId}/status`, { status: "ENDED" })).status).toBe(200),
  logout: async (c: Case) => expect((await c.subject.client!.post("/api/auth/logout")).status).toBe(204),
  "presenter links revoked": async (c: Case) => expect((await organiser.request("DELETE", `/api/sessions/${c.sessionId}/qa/presenter-links`)).status).toBe(200),
};

/** What each kind of room carries, sent from A; some only while the session is open. */
const qaChange = { whileOpen: false, fire: (c: Case) => ask(controls[0]!, "qa:set-mode", { sessionId: c.sessionId, mode: "OPEN" }) };
const floorRequest = { whileOpen: true, fire: (c: Case) => ask(controls[0]!, "floor:request", { sessionId: c.sessionId, language: "en" }) };
const floorChange = { whileOpen: true, fire: (c: Case) => ask(controls[0]!, "interpretation:set-floor-language", { sessionId: c.sessionId, language: "en" }) };
const TRIGGERS: Partial<Record<RoomKind, { whileOpen: boolean; fire(c: Case): Promise<unknown> }>> = {
  session: { whileOpen: false, fire: (c) => organiser.request("PATCH", `/api/sessions/${c.sessionId}`, { room: c.marker }) },
  qa: qaChange,
  "qa-moderators": qaChange,
  interp: floorChange,
  "interp-staff": floorChange,
  booth: { whileOpen: true, fire: (c) => ask(c.partner!, "interpretation:chat", { sessionId: c.sessionId, text: "Still there?" }) },
  floor: floorRequest,
  "floor-chair": floorRequest,
};

interface Row {
  decision: keyof typeof DECISIONS;
  subject: SubjectKind;
  /** Left: the socket stays open but leaves these rooms. Closed: the socket itself is closed. */
  outcome: "left" | "closed";
  lost: RoomKind[];
  /** Rooms the socket keeps: the decision takes away only what it must. */
  kept?: RoomKind[];
}

const ROWS: Row[] = [
  { decision: "role removed", subject: "moderator", outcome: "left", lost: ["qa-moderators", "interp-staff", "floor-chair"], kept: ["session", "interp", "floor"] },
  { decision: "role removed", subject: "interpreter", outcome: "left", lost: ["interp-staff", "booth"], kept: ["session", "qa", "interp", "floor"] },
  { decision: "role removed", subject: "stage", outcome: "left", lost: ["interp-staff"], kept: ["session", "qa", "interp", "floor"] },
  { decision: "role removed", subject: "stage presenter", outcome: "closed", lost: ["qa", "floor"] },
  { decision: "role changed to stage", subject: "moderator", outcome: "left", lost: ["qa-moderators", "floor-chair"], kept: ["session", "interp", "interp-staff", "floor"] },
  { decision: "booth changed", subject: "interpreter", outcome: "left", lost: ["booth"], kept: ["session", "qa", "interp", "interp-staff", "floor"] },
  { decision: "role changed to speaker", subject: "moderator presenter", outcome: "closed", lost: ["qa", "floor"] },
  { decision: "session ended", subject: "attendee", outcome: "left", lost: ["session", "qa", "interp", "listen", "floor"] },
  { decision: "session ended", subject: "moderator", outcome: "left", lost: ["session", "interp", "interp-staff", "floor", "floor-chair"], kept: ["qa-moderators"] },
  { decision: "session ended", subject: "interpreter", outcome: "left", lost: ["session", "qa", "interp", "interp-staff", "booth", "floor"] },
  { decision: "session ended", subject: "stage", outcome: "left", lost: ["session", "qa", "interp", "interp-staff", "floor"] },
  { decision: "session ended", subject: "guest", outcome: "left", lost: ["interp", "listen"] },
  { decision: "logout", subject: "attendee", outcome: "closed", lost: ["session", "qa", "interp", "listen", "floor"] },
  { decision: "logout", subject: "stage presenter", outcome: "closed", lost: ["qa", "floor"] },
  { decision: "presenter links revoked", subject: "link presenter", outcome: "closed", lost: ["qa", "floor"] },
];
const CASES = ROWS.flatMap((row) => (["B", "A"] as const).map((on) => ({ ...row, on })));

const idsOf = (sockets: { id: string }[]) => sockets.map((s) => s.id);

test.each(CASES)("$decision: a $subject socket on process $on hears nothing more through the rooms it lost", async (row) => {
  const sessionId = await newSession();
  const subject = await openSubject({ db: tdb.database.prisma, apiA: apiA.baseUrl, baseUrl: row.on === "A" ? apiA.baseUrl : apiB.baseUrl, sessionId, kind: row.subject, organiser });
  sockets.push(subject.socket);
  let partner: Socket | undefined;
  if (row.lost.includes("booth")) {
    const { client } = await participant(apiA.baseUrl, tdb.database.prisma, { role: { sessionId, role: "INTERPRETER", boothLanguage: BOOTH } });
    sockets.push((partner = await openSocket(apiA.baseUrl, { cookie: client.cookie })));
    await ask(partner, "interpretation:sync", { sessionId, console: true });
  }
  const c: Case = { sessionId, subject, partner, marker: `Hall ${randomUUID()}` };
  await sentinel(); // the set-up's own broadcasts have all arrived
  const received: Received[] = [];
  subject.socket.onAny((event: string, payload: Received["payload"]) => received.push({ event, payload }));
  const closed = new Promise<string>((resolve) => subject.socket.once("disconnect", resolve));
  const id = subject.socket.id!;

  await DECISIONS[row.decision](c);

  // Where the socket is now, as every process answers through the adapter.
  const nsp = apiA.app.realtime.io.of(subject.namespace);
  const membersOf = async (kind: RoomKind) => idsOf(await nsp.in(roomName[kind](sessionId)).fetchSockets());
  if (row.outcome === "closed") expect(await nsp.in(id).fetchSockets()).toEqual([]);
  for (const kind of row.lost) expect(await membersOf(kind), `still in ${kind}`).not.toContain(id);
  for (const kind of row.kept ?? []) expect(await membersOf(kind), `no longer in ${kind}`).toContain(id);

  const ended = row.decision === "session ended";
  const triggers = new Set(row.lost.map((kind) => TRIGGERS[kind]).filter((t) => t && !(ended && t.whileOpen)));
  for (const trigger of triggers) await trigger!.fire(c);
  await sentinel();
  if (row.outcome === "closed") expect(await closed).toBe("io server disconnect");
  // Any ack, on the socket's own connection: what was sent to it before has arrived by now.
  else await subject.socket.timeout(5000).emitWithAck(row.subject === "guest" ? "interpretation:sync" : "session:leave", { sessionId: randomUUID() });

  expect(received.filter((r) => row.lost.some((kind) => cameThrough(kind, sessionId, c.marker, r)))).toEqual([]);
});

test("a venue screen opened with a presenter link closes when the link expires, on either process", async () => {
  const sessionId = await newSession();
  for (const baseUrl of [apiA.baseUrl, apiB.baseUrl]) {
    const link = await organiser.post(`/api/sessions/${sessionId}/qa/presenter-links`);
    expect(link.status).toBe(201);
    // The link runs out a few seconds after this screen opens with it.
    await tdb.database.prisma.presenterLink.updateMany({ where: { sessionId }, data: { expiresAt: new Date(Date.now() + 4000) } });
    const socket = await openSocket(baseUrl, { namespace: "/presenter", auth: { token: link.body.token } });
    sockets.push(socket);
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await ask(socket, "qa:sync", { sessionId });
    expect(await closed).toBe("io server disconnect");
  }
});
