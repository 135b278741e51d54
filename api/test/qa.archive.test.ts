import type { Ack, TModeratorQuestion, TQaSnapshot, TQuestion } from "@plenary/shared";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { newClientId, participant } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, type TestSocket } from "./helpers/socket.ts";

// After a session ends its Q&A is an archive: attendees still read the public questions and the
// moderators' answers (and their own questions), but nobody outside the chair asks or votes, and
// what was never public stays hidden. Real api, real PostgreSQL, real Socket.IO clients.
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

async function join(sessionId: string, options: { moderator?: boolean; organiser?: boolean } = {}) {
  const { client } = await participant(api.baseUrl, tdb.database.prisma, {
    ...(options.moderator ? { role: { sessionId, role: "MODERATOR" as const } } : {}),
    ...(options.organiser ? { organiser: true } : {}),
  });
  const socket = connectSocket(api.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  return { client, socket };
}

const sync = (socket: TestSocket, sessionId: string) => emitAck<TQaSnapshot>(socket, "qa:sync", { sessionId });
const ask = (socket: TestSocket, sessionId: string, text: string) =>
  emitAck<{ question: TQuestion }>(socket, "qa:ask", { sessionId, clientId: newClientId(), text });

test("an ended session's Q&A stays readable, with its answers, while asking and voting are closed", async () => {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Archive", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: "MODERATED" },
  });
  const sessionId = session.id;
  const [asker, moderator] = [await join(sessionId), await join(sessionId, { moderator: true })];
  data(await sync(asker.socket, sessionId));
  data(await sync(moderator.socket, sessionId));

  // One question approved and answered with a reply; another left pending; a third never approved.
  const answered = data(await ask(asker.socket, sessionId, "Who funds rural connectivity?")).question;
  const pending = data(await ask(asker.socket, sessionId, "Will the slides be shared?")).question;
  for (const action of [{ action: "approve" }, { action: "reply", text: "The Universal Service Fund, as agreed in 2023." }, { action: "answer" }]) {
    data(await emitAck<{ questions: TModeratorQuestion[] }>(moderator.socket, "qa:moderate", { ...action, questionId: answered.id }));
  }

  // The organiser ends the session through the api, as the console does.
  const organiser = await join(sessionId, { organiser: true });
  const ended = await organiser.client.post(`/api/sessions/${sessionId}/status`, { status: "ENDED" });
  expect(ended.status).toBe(200);

  // A newcomer reads the archive: the answered question with its reply, nothing unpublished.
  const reader = await join(sessionId);
  const archive = data(await sync(reader.socket, sessionId));
  expect(archive.view).toBe("attendee");
  expect(archive.questions).toEqual([expect.objectContaining({ id: answered.id, status: "ANSWERED", reply: "The Universal Service Fund, as agreed in 2023." })]);

  // The asker still sees their own question that never reached the floor.
  const own = data(await sync(asker.socket, sessionId));
  expect(own.questions.map((q) => q.id).sort()).toEqual([answered.id, pending.id].sort());
  expect(own.mine.sort()).toEqual([answered.id, pending.id].sort());

  // Asking and voting are closed for attendees; the refusal says why.
  const refusedAsk = await ask(reader.socket, sessionId, "Is anyone still here?");
  expect(refusedAsk).toEqual({ error: { code: "FORBIDDEN", message: "This session has ended." } });
  const refusedVote = await emitAck(reader.socket, "qa:vote", { questionId: answered.id, clientId: newClientId(), up: true });
  expect(refusedVote).toMatchObject({ error: { code: "FORBIDDEN" } });
});

test("before a session goes live, attendees cannot read its Q&A", async () => {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Later", type: "POLICY", room: "R", startsAt: new Date(Date.now() + 3600_000), endsAt: new Date(Date.now() + 7200_000), languages: ["en"], status: "SCHEDULED" },
  });
  const attendee = await join(session.id);
  expect(await sync(attendee.socket, session.id)).toMatchObject({ error: { code: "FORBIDDEN" } });
});
