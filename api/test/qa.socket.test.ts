import type { Ack, TModeratorQuestion, TQaSnapshot, TQuestion } from "@plenary/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { QaMode } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { eventWhere, newClientId, participant } from "./helpers/qa.ts";
import { connected, connectSocket, emitAck, nextEvent, type TestSocket } from "./helpers/socket.ts";

// Real api in-process, real PostgreSQL, real Socket.IO clients: acks, broadcasts and who sees what.
let tdb: TestDatabase;
let api: TestApp;
let eventId: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
  api = await startTestApp({ database: tdb.database, env: { QA_VOTE_FLUSH_MS: "50" } });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await api.close();
  await tdb.drop();
});

async function newSession(mode: QaMode = "MODERATED") {
  const session = await tdb.database.prisma.session.create({
    data: { eventId, title: "Socket Q&A", type: "POLICY", room: "R", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), languages: ["en"], status: "LIVE", qaMode: mode },
  });
  return session.id;
}

/** A signed-in participant with a connected socket that has synced the session's Q&A. */
async function join(sessionId: string, options: { moderator?: boolean; sync?: boolean } = {}) {
  const { client, user } = await participant(api.baseUrl, tdb.database.prisma, options.moderator ? { role: { sessionId, role: "MODERATOR" } } : {});
  const socket = connectSocket(api.baseUrl, { cookie: client.cookie });
  sockets.push(socket);
  await connected(socket);
  const snapshot = options.sync === false ? undefined : ((await emitAck<TQaSnapshot>(socket, "qa:sync", { sessionId })) as { data: TQaSnapshot }).data;
  return { client, user, socket, snapshot };
}

const ask = (socket: TestSocket, sessionId: string, text: string, extra: Record<string, unknown> = {}) =>
  emitAck<{ question: TQuestion; duplicate: boolean }>(socket, "qa:ask", { sessionId, clientId: newClientId(), text, ...extra });
const data = <T>(ack: Ack<T>): T => {
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

describe("asking", () => {
  test("the asker gets an ack with the question; another attendee gets the broadcast (open session)", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, other] = [await join(sessionId), await join(sessionId)];
    const broadcast = nextEvent<{ seq: number; question: TQuestion }>(other.socket, "qa:question-asked");
    const ack = data(await ask(asker.socket, sessionId, "¿Qué medidas concretas se tomarán?"));
    expect(ack).toMatchObject({ duplicate: false, question: { status: "PUBLISHED", language: "es" } });
    expect((await broadcast).question).toEqual(ack.question);
    expect((await broadcast).seq).toBe(other.snapshot!.seq + 1);
  });

  test("moderated: attendees see only the seq move; the moderator sees the question and its author; approval reaches everyone", async () => {
    const sessionId = await newSession();
    const [asker, other, moderator] = [await join(sessionId), await join(sessionId), await join(sessionId, { moderator: true })];
    expect(moderator.snapshot!.view).toBe("moderator");
    const seen = nextEvent<{ seq: number; questions: TQuestion[]; removed: string[] }>(other.socket, "qa:question-updated");
    const queued = nextEvent<{ question: TModeratorQuestion }>(moderator.socket, "qa:question-asked");
    const { question } = data(await ask(asker.socket, sessionId, "Who funds rural connectivity?"));
    expect(question.status).toBe("PENDING");
    expect(await seen).toMatchObject({ questions: [], removed: [] });
    expect((await queued).question).toMatchObject({ id: question.id, authorName: asker.user.name, authorOrganisation: "Test Org", dismissReason: null });

    const published = eventWhere<{ questions: TQuestion[] }>(other.socket, "qa:question-updated", (p) => p.questions.length > 0);
    const toAsker = nextEvent<{ question: TQuestion }>(asker.socket, "qa:my-question-updated");
    const ack = data(await emitAck<{ questions: TModeratorQuestion[] }>(moderator.socket, "qa:moderate", { action: "approve", questionId: question.id }));
    expect(ack.questions[0]!.status).toBe("PUBLISHED");
    expect((await published).questions).toEqual([expect.objectContaining({ id: question.id, status: "PUBLISHED" })]);
    expect((await published).questions[0]).not.toHaveProperty("dismissReason");
    expect((await toAsker).question).toMatchObject({ id: question.id, status: "PUBLISHED" });
  });

  test("dismissal: the asker learns the status but never the reason; attendees who saw it drop it", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, other, moderator] = [await join(sessionId), await join(sessionId), await join(sessionId, { moderator: true })];
    const { question } = data(await ask(asker.socket, sessionId, "Off topic?"));
    const removed = eventWhere<{ removed: string[] }>(other.socket, "qa:question-updated", (p) => p.removed.length > 0);
    const toAsker = eventWhere<{ question: TQuestion }>(asker.socket, "qa:my-question-updated", (p) => p.question.status === "DISMISSED");
    data(await emitAck(moderator.socket, "qa:moderate", { action: "dismiss", questionId: question.id, reason: "Not about this session" }));
    expect((await removed).removed).toEqual([question.id]);
    expect(JSON.stringify(await toAsker)).not.toContain("Not about this session");
    const sync = data(await emitAck<TQaSnapshot>(asker.socket, "qa:sync", { sessionId }));
    expect(JSON.stringify(sync)).not.toContain("Not about this session");
    expect(sync.questions.find((q) => q.id === question.id)?.status).toBe("DISMISSED");
  });

  test("anonymous questions carry no author to anyone, moderators included", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, other, moderator] = [await join(sessionId), await join(sessionId), await join(sessionId, { moderator: true })];
    const toOther = nextEvent<{ question: TQuestion }>(other.socket, "qa:question-asked");
    const toModerator = nextEvent<{ question: TModeratorQuestion }>(moderator.socket, "qa:question-asked");
    data(await ask(asker.socket, sessionId, "Sensitive?", { anonymous: true }));
    for (const payload of [await toOther, await toModerator]) {
      expect(payload.question).toMatchObject({ anonymous: true, authorName: null });
      expect(JSON.stringify(payload)).not.toContain(asker.user.userId);
      expect(JSON.stringify(payload)).not.toContain(asker.user.name);
    }
    expect((await toModerator).question.authorOrganisation).toBeNull();
  });
});

describe("authorisation", () => {
  test("an attendee who tries to moderate or switch the mode gets FORBIDDEN, and nothing changes", async () => {
    const sessionId = await newSession();
    const [asker, attendee] = [await join(sessionId), await join(sessionId)];
    const { question } = data(await ask(asker.socket, sessionId, "Approve me?"));
    for (const action of ["approve", "dismiss", "highlight", "answer", "archive"]) {
      expect(await emitAck(attendee.socket, "qa:moderate", { action, questionId: question.id })).toEqual({
        error: { code: "FORBIDDEN", message: "Only moderators of this session can do this." },
      });
    }
    expect(await emitAck(attendee.socket, "qa:set-mode", { sessionId, mode: "OPEN" })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await tdb.database.prisma.question.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("PENDING");
  });

  test("only members read a session's Q&A: a session that is not live refuses attendees", async () => {
    const sessionId = await newSession();
    await tdb.database.prisma.session.update({ where: { id: sessionId }, data: { status: "SCHEDULED" } });
    const outsider = await join(sessionId, { sync: false });
    expect(await emitAck(outsider.socket, "qa:sync", { sessionId })).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await ask(outsider.socket, sessionId, "Let me in?")).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  test("the moderator export needs the moderator role; CSV and JSON carry no anonymous author", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, moderator] = [await join(sessionId), await join(sessionId, { moderator: true })];
    data(await ask(asker.socket, sessionId, "Anonymous export?", { anonymous: true }));
    expect((await asker.client.get(`/api/sessions/${sessionId}/qa/export?format=csv`)).status).toBe(403);
    const csv = await moderator.client.get(`/api/sessions/${sessionId}/qa/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain("Anonymous export?");
    expect(csv.text).not.toContain(asker.user.name);
    const json = await moderator.client.get(`/api/sessions/${sessionId}/qa/export?format=json`);
    expect(json.body.questions).toEqual([expect.objectContaining({ text: "Anonymous export?", author: null, anonymous: true })]);
  });
});

describe("rate limits and bad input", () => {
  test("a sixth question within a minute gets RATE_LIMITED, with a message the UI can show", async () => {
    const sessionId = await newSession("OPEN");
    const asker = await join(sessionId);
    for (let i = 0; i < 5; i++) data(await ask(asker.socket, sessionId, `Question ${i}?`));
    const refused = await ask(asker.socket, sessionId, "One too many?");
    expect(refused).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/Too many requests\. Try again in \d+ s\./) } });
  });

  test("more than ten votes a second get RATE_LIMITED", async () => {
    const sessionId = await newSession("OPEN");
    const asker = await join(sessionId);
    const voter = await join(sessionId);
    const { question } = data(await ask(asker.socket, sessionId, "Vote storm?"));
    const acks = await Promise.all(Array.from({ length: 12 }, (_, i) => emitAck(voter.socket, "qa:vote", { questionId: question.id, clientId: newClientId(), up: i % 2 === 0 })));
    expect(acks.filter((a) => "error" in a && a.error.code === "RATE_LIMITED").length).toBeGreaterThanOrEqual(2);
  });

  const longText = "x".repeat(501);
  test.each([
    ["qa:ask", undefined, "BAD_REQUEST"],
    ["qa:ask", "just a string", "BAD_REQUEST"],
    ["qa:ask", { text: 42 }, "BAD_REQUEST"],
    ["qa:ask", { text: "   " }, "BAD_REQUEST"],
    ["qa:ask", { text: longText }, "BAD_REQUEST"],
    ["qa:ask", { text: "nul \u0000 byte" }, "BAD_REQUEST"],
    ["qa:ask", { text: "ok?", anonymous: "yes" }, "BAD_REQUEST"],
    ["qa:ask", { text: "ok?", language: "english" }, "BAD_REQUEST"],
    ["qa:ask", { text: "ok?", clientId: "<script>" }, "BAD_REQUEST"],
    ["qa:ask", { text: "ok?", sessionId: "00000000-0000-4000-8000-000000000000" }, "NOT_FOUND"],
    ["qa:vote", { questionId: "not-a-uuid", clientId: "abcdefgh", up: true }, "BAD_REQUEST"],
    ["qa:vote", { questionId: "00000000-0000-4000-8000-000000000000", clientId: "abcdefgh", up: true }, "NOT_FOUND"],
    ["qa:vote", { questionId: "00000000-0000-4000-8000-000000000000", clientId: "abcdefgh", up: "true" }, "BAD_REQUEST"],
    ["qa:moderate", { action: "explode", questionId: "00000000-0000-4000-8000-000000000000" }, "BAD_REQUEST"],
    ["qa:moderate", { action: "reply", questionId: "00000000-0000-4000-8000-000000000000", text: "y".repeat(1001) }, "BAD_REQUEST"],
    ["qa:moderate", { action: "approve", questionId: "00000000-0000-4000-8000-000000000000" }, "NOT_FOUND"],
    ["qa:edit", { questionId: "00000000-0000-4000-8000-000000000000" }, "BAD_REQUEST"],
    ["qa:set-mode", { sessionId: "00000000-0000-4000-8000-000000000000", mode: "CHAOS" }, "BAD_REQUEST"],
    ["qa:sync", { sessionId: "00000000-0000-4000-8000-000000000000", sinceSeq: -1 }, "BAD_REQUEST"],
    ["qa:sync", [1, 2, 3], "BAD_REQUEST"],
  ])("%s with %j gets %s, and the server carries on", async (event, payload, code) => {
    const sessionId = await newSession("OPEN");
    const participant = await join(sessionId);
    const base = { sessionId, clientId: newClientId(), text: "ok?" };
    const body = payload && typeof payload === "object" && !Array.isArray(payload) && event === "qa:ask" ? { ...base, ...payload } : payload;
    const ack = await emitAck(participant.socket, event, body);
    expect(ack).toMatchObject({ error: { code } });
    expect(JSON.stringify(ack)).not.toMatch(/prisma|postgres|stack|at .*\.ts/i);
    expect(data(await ask(participant.socket, sessionId, "Still alive?")).question.status).toBe("PUBLISHED");
  });

  test("markup is stored as given and sent as plain text, never altered or interpreted", async () => {
    const sessionId = await newSession("OPEN");
    const asker = await join(sessionId);
    const text = `<script>alert("x")</script> & <b>bold</b>`;
    expect(data(await ask(asker.socket, sessionId, text)).question.text).toBe(text);
  });
});

describe("idempotency and votes", () => {
  test("a retried ask returns the same question and broadcasts nothing new", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, other] = [await join(sessionId), await join(sessionId)];
    const clientId = newClientId();
    const asked: number[] = [];
    other.socket.on("qa:question-asked", (p: { seq: number }) => asked.push(p.seq));
    const first = data(await ask(asker.socket, sessionId, "Once?", { clientId }));
    const retry = data(await ask(asker.socket, sessionId, "Once?", { clientId }));
    expect(retry).toEqual({ duplicate: true, question: first.question });
    // A later change arrives with the very next seq: the retry used none.
    const next = nextEvent<{ seq: number }>(other.socket, "qa:question-asked");
    data(await ask(asker.socket, sessionId, "Twice?"));
    expect((await next).seq).toBe(first.question.seq + 1);
    expect(asked).toEqual([first.question.seq, first.question.seq + 1]);
  });

  test("retried votes count once; a burst of votes arrives as coalesced counts that end exact", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, watcher] = [await join(sessionId), await join(sessionId)];
    const { question } = data(await ask(asker.socket, sessionId, "Popular?"));
    const voters = await Promise.all(Array.from({ length: 12 }, () => join(sessionId, { sync: false })));
    const final = eventWhere<{ counts: { id: string; voteCount: number }[] }>(watcher.socket, "qa:votes-changed", (p) =>
      p.counts.some((c) => c.id === question.id && c.voteCount === 12),
    );
    const broadcasts: number[] = [];
    watcher.socket.on("qa:votes-changed", (p: { seq: number }) => broadcasts.push(p.seq));
    await Promise.all(
      voters.map(async ({ socket }) => {
        const payload = { questionId: question.id, clientId: newClientId(), up: true };
        expect(data(await emitAck(socket, "qa:vote", payload))).toEqual(payload);
        expect(data(await emitAck(socket, "qa:vote", payload))).toEqual(payload);
      }),
    );
    await final;
    expect(await tdb.database.prisma.vote.count({ where: { questionId: question.id } })).toBe(12);
    expect(broadcasts.length).toBeLessThan(12);
    expect(broadcasts).toEqual([...broadcasts].sort((a, b) => a - b));
  });
});

describe("resync", () => {
  test("a client that reconnects with its last seq gets exactly what it missed, no gap and no duplicate", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, moderator] = [await join(sessionId), await join(sessionId, { moderator: true })];
    const a = data(await ask(asker.socket, sessionId, "Before the drop?")).question;
    const dropped = await join(sessionId);
    const heldSeq = dropped.snapshot!.seq;
    dropped.socket.disconnect();

    const b = data(await ask(asker.socket, sessionId, "While away?")).question;
    data(await emitAck(moderator.socket, "qa:moderate", { action: "highlight", questionId: b.id }));
    data(await emitAck(moderator.socket, "qa:moderate", { action: "dismiss", questionId: a.id }));
    data(await emitAck(moderator.socket, "qa:set-mode", { sessionId, mode: "CLOSED" }));

    const back = connectSocket(api.baseUrl, { cookie: dropped.client.cookie });
    sockets.push(back);
    await connected(back);
    const delta = data(await emitAck<TQaSnapshot>(back, "qa:sync", { sessionId, sinceSeq: heldSeq }));
    expect(delta).toMatchObject({ reset: false, seq: heldSeq + 4, mode: "CLOSED", removed: [a.id] });
    expect(delta.questions).toEqual([expect.objectContaining({ id: b.id, highlighted: true })]);

    const full = data(await emitAck<TQaSnapshot>(back, "qa:sync", { sessionId }));
    expect(full.questions).toEqual(delta.questions);
    const live = nextEvent<{ seq: number }>(back, "qa:mode-changed");
    data(await emitAck(moderator.socket, "qa:set-mode", { sessionId, mode: "OPEN" }));
    expect((await live).seq).toBe(delta.seq + 1);
  });
});

describe("presenter screen", () => {
  test("a moderator-issued link opens a read-only feed of this session that shows the highlighted question live", async () => {
    const sessionId = await newSession("OPEN");
    const [asker, moderator] = [await join(sessionId), await join(sessionId, { moderator: true })];
    const { question } = data(await ask(asker.socket, sessionId, "On screen?"));
    const link = await moderator.client.post(`/api/sessions/${sessionId}/qa/presenter-links`);
    expect(link.status).toBe(201);
    expect((await asker.client.post(`/api/sessions/${sessionId}/qa/presenter-links`)).status).toBe(403);
    expect((await asker.client.post("/api/qa/presenter-links/verify", { token: link.body.token })).body).toMatchObject({ sessionId });

    const { io } = await import("socket.io-client");
    const screen = io(`${api.baseUrl}/presenter`, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { token: link.body.token }, extraHeaders: { Origin: "http://plenary.test" } }) as unknown as TestSocket;
    sockets.push(screen);
    await connected(screen);
    const snapshot = data(await emitAck<TQaSnapshot>(screen, "qa:sync", { sessionId }));
    expect(snapshot).toMatchObject({ view: "presenter", mine: [], myVotes: [] });
    const shown = eventWhere<{ questions: TQuestion[] }>(screen, "qa:question-updated", (p) => p.questions.some((q) => q.highlighted));
    data(await emitAck(moderator.socket, "qa:moderate", { action: "highlight", questionId: question.id }));
    expect((await shown).questions[0]).toMatchObject({ id: question.id, text: "On screen?", highlighted: true });
    expect(await emitAck(screen, "qa:sync", { sessionId: await newSession() })).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  test("a moderator withdraws the session's links: they stop verifying and open no screen; attendees may not withdraw them", async () => {
    const sessionId = await newSession();
    const [attendee, moderator] = [await join(sessionId, { sync: false }), await join(sessionId, { moderator: true, sync: false })];
    const links = [await moderator.client.post(`/api/sessions/${sessionId}/qa/presenter-links`), await moderator.client.post(`/api/sessions/${sessionId}/qa/presenter-links`)];
    expect((await attendee.client.request("DELETE", `/api/sessions/${sessionId}/qa/presenter-links`)).status).toBe(403);
    const revoked = await moderator.client.request("DELETE", `/api/sessions/${sessionId}/qa/presenter-links`);
    expect(revoked).toMatchObject({ status: 200, body: { revoked: 2 } });
    expect((await attendee.client.post("/api/qa/presenter-links/verify", { token: links[0]!.body.token })).status).toBe(404);
    const { io } = await import("socket.io-client");
    const screen = io(`${api.baseUrl}/presenter`, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { token: links[1]!.body.token }, extraHeaders: { Origin: "http://plenary.test" } });
    sockets.push(screen as unknown as TestSocket);
    await expect(connected(screen as unknown as TestSocket)).rejects.toThrow("UNAUTHENTICATED");
  });

  test("the presenter namespace refuses a bad token, and signed-in attendees without a role", async () => {
    const sessionId = await newSession();
    const { io } = await import("socket.io-client");
    const open = (auth: object, cookie?: string) =>
      connected(io(`${api.baseUrl}/presenter`, { transports: ["websocket"], forceNew: true, reconnection: false, auth, extraHeaders: { Origin: "http://plenary.test", ...(cookie ? { Cookie: cookie } : {}) } }) as unknown as TestSocket);
    await expect(open({ token: "x".repeat(43) })).rejects.toThrow("UNAUTHENTICATED");
    await expect(open({})).rejects.toThrow("UNAUTHENTICATED");
    const attendee = await join(sessionId, { sync: false });
    await expect(open({ sessionId }, attendee.client.cookie)).rejects.toThrow("FORBIDDEN");
    const moderator = await join(sessionId, { moderator: true, sync: false });
    await expect(open({ sessionId }, moderator.client.cookie)).resolves.toBeUndefined();
  });
});
