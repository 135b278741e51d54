import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { QaMode, QuestionStatus, SessionStatus } from "../src/generated/prisma/client.ts";
import { limiterFactory } from "../src/lib/rate-limit.ts";
import { askQuestion } from "../src/qa/ask-question.ts";
import { editQuestion } from "../src/qa/edit-question.ts";
import { exportQuestions } from "../src/qa/export-questions.ts";
import { findStaleVoteCounts, flushVoteCounts } from "../src/qa/flush-vote-counts.ts";
import { getQaSnapshot } from "../src/qa/get-qa-snapshot.ts";
import { moderateQuestion } from "../src/qa/moderate-question.ts";
import { issuePresenterLink, verifyPresenterToken } from "../src/qa/presenter-links.ts";
import type { QaActor } from "../src/qa/qa.access.ts";
import { toModeratorQuestion, toQuestion } from "../src/qa/qa.mapper.ts";
import { setQaMode } from "../src/qa/set-qa-mode.ts";
import { voteQuestion } from "../src/qa/vote-question.ts";
import { withdrawQuestion } from "../src/qa/withdraw-question.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";
import { createQuestion, createUser, newClientId, qaSeq, qaStore } from "./helpers/qa.ts";

// Every Q&A service against a real PostgreSQL database: each action, each legal and illegal transition.
let tdb: TestDatabase;
let store: ReturnType<typeof qaStore>;
let eventId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  store = qaStore(tdb);
  eventId = (await seedSessions(tdb.database.prisma))[0]!.eventId;
});
afterAll(async () => {
  await tdb.drop();
});

async function newSession(options: { mode?: QaMode; status?: SessionStatus } = {}) {
  const db = tdb.database.prisma;
  const session = await db.session.create({
    data: {
      eventId,
      title: "Q&A test session",
      type: "POLICY",
      room: "Room 1",
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 3600_000),
      languages: ["en", "fr", "ar"],
      status: options.status ?? "LIVE",
      qaMode: options.mode ?? "MODERATED",
    },
  });
  const moderator = await createUser(db, { role: { sessionId: session.id, role: "MODERATOR" } });
  return { id: session.id, moderator };
}

const ask = (actor: QaActor, sessionId: string, text: string, extra: { anonymous?: boolean; language?: string; clientId?: string } = {}) =>
  askQuestion({ store, actor, input: { sessionId, clientId: extra.clientId ?? newClientId(), text, anonymous: extra.anonymous ?? false, language: extra.language } });

const vote = (actor: QaActor, questionId: string, up = true) => voteQuestion({ sql: store.sql, actor, input: { questionId, clientId: newClientId(), up } });

describe("askQuestion", () => {
  test("in a moderated session a question waits for review, tagged with its detected language and the next seq", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const before = await qaSeq(tdb.database.prisma, session.id);
    const { question, duplicate, change } = await ask(asker, session.id, "Comment le Forum va-t-il intégrer les pays les moins avancés ?");
    expect(duplicate).toBe(false);
    expect(question).toMatchObject({ status: "PENDING", language: "fr", seq: before + 1, publishedAt: null, authorName: asker.name });
    expect(change).toMatchObject({ kind: "asked", seq: before + 1 });
    expect(await qaSeq(tdb.database.prisma, session.id)).toBe(before + 1);
  });

  test("in an open session it is published at once; the asker's language choice wins over detection", async () => {
    const session = await newSession({ mode: "OPEN" });
    const asker = await createUser(tdb.database.prisma);
    const { question } = await ask(asker, session.id, "Merci", { language: "fr" });
    expect(question.status).toBe("PUBLISHED");
    expect(question.language).toBe("fr");
    expect(question.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test("a closed session refuses questions and spends no seq", async () => {
    const session = await newSession({ mode: "CLOSED" });
    const before = await qaSeq(tdb.database.prisma, session.id);
    await expect(ask(await createUser(tdb.database.prisma), session.id, "Anyone?")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await qaSeq(tdb.database.prisma, session.id)).toBe(before);
  });

  test("a retried ask returns the stored question, creates nothing and spends no seq", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const clientId = newClientId();
    const first = await ask(asker, session.id, "What about funding?", { clientId });
    const seq = await qaSeq(tdb.database.prisma, session.id);
    const retry = await ask(asker, session.id, "What about funding?", { clientId });
    expect(retry).toMatchObject({ duplicate: true, question: { id: first.question.id } });
    expect(retry.change).toBeUndefined();
    expect(await qaSeq(tdb.database.prisma, session.id)).toBe(seq);
  });

  test("concurrent retries of one ask store exactly one question (the unique key decides)", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const clientId = newClientId();
    const results = await Promise.all(Array.from({ length: 8 }, () => ask(asker, session.id, "Race?", { clientId })));
    expect(new Set(results.map((r) => r.question.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await tdb.database.prisma.question.count({ where: { sessionId: session.id } })).toBe(1);
  });

  test("a client id reused for another session is refused", async () => {
    const [a, b] = [await newSession(), await newSession()];
    const asker = await createUser(tdb.database.prisma);
    const clientId = newClientId();
    await ask(asker, a.id, "First?", { clientId });
    await expect(ask(asker, b.id, "Second?", { clientId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test.each([
    ["a session that is not live yet", "SCHEDULED" as const, "FORBIDDEN"],
    ["a session that has ended", "ENDED" as const, "FORBIDDEN"],
  ])("a non-member of %s cannot ask", async (_name, status, code) => {
    const session = await newSession({ status });
    await expect(ask(await createUser(tdb.database.prisma), session.id, "Hello?")).rejects.toMatchObject({ code });
  });

  test("an unknown session is NOT_FOUND", async () => {
    await expect(ask(await createUser(tdb.database.prisma), "00000000-0000-4000-8000-000000000000", "Hello?")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the rate limit counts new questions only, never retries", async () => {
    const session = await newSession({ mode: "OPEN" });
    const asker = await createUser(tdb.database.prisma);
    const rateLimit = limiterFactory()("qa-ask-test", 2, 60);
    const clientId = newClientId();
    const asking = (id = newClientId()) => askQuestion({ store, actor: asker, rateLimit, input: { sessionId: session.id, clientId: id, text: "Q?", anonymous: false } });
    await asking(clientId);
    await asking(clientId);
    await asking();
    await expect(asking()).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(asking(clientId)).resolves.toMatchObject({ duplicate: true });
  });

  test("an anonymous asker is named nowhere: not to attendees, not to moderators", async () => {
    const session = await newSession({ mode: "OPEN" });
    const asker = await createUser(tdb.database.prisma, { name: "Secret Person" });
    const { question } = await ask(asker, session.id, "Is this anonymous?", { anonymous: true });
    expect(question.authorName).toBeNull();
    expect(question.authorOrganisation).toBeNull();
    expect(JSON.stringify(toQuestion(question))).not.toContain("Secret Person");
    expect(JSON.stringify(toModeratorQuestion(question))).not.toContain("Secret Person");
    expect(JSON.stringify(toModeratorQuestion(question))).not.toContain(asker.userId);
  });

  test("text is stored exactly as given (after trimming), markup included", async () => {
    const session = await newSession({ mode: "OPEN" });
    const { question } = await ask(await createUser(tdb.database.prisma), session.id, `<img src=x onerror=alert(1)> & "quotes" 'single'`);
    expect(question.text).toBe(`<img src=x onerror=alert(1)> & "quotes" 'single'`);
  });
});

describe("editQuestion and withdrawQuestion", () => {
  test("the asker edits a pending question; the language is detected again", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const { question } = await ask(asker, session.id, "How will the action lines address AI governance?");
    const edited = await editQuestion({ store, actor: asker, input: { questionId: question.id, text: "¿Qué medidas concretas se tomarán para cerrar la brecha digital?" } });
    expect(edited.question).toMatchObject({ text: "¿Qué medidas concretas se tomarán para cerrar la brecha digital?", language: "es" });
    expect(edited.question.seq).toBeGreaterThan(question.seq);
  });

  test("the language can be corrected while published, the text cannot", async () => {
    const session = await newSession({ mode: "OPEN" });
    const asker = await createUser(tdb.database.prisma);
    const { question } = await ask(asker, session.id, "5G?");
    await expect(editQuestion({ store, actor: asker, input: { questionId: question.id, text: "Changed" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const fixed = await editQuestion({ store, actor: asker, input: { questionId: question.id, language: "en" } });
    expect(fixed.question.language).toBe("en");
  });

  test.each(["ANSWERED", "DISMISSED", "ARCHIVED", "WITHDRAWN"] as QuestionStatus[])("a %s question cannot be edited at all", async (status) => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: asker.userId, status });
    await expect(editQuestion({ store, actor: asker, input: { questionId: q.id, language: "fr" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("nobody edits or withdraws someone else's question, moderators included", async () => {
    const session = await newSession();
    const { question } = await ask(await createUser(tdb.database.prisma), session.id, "Mine?");
    for (const actor of [await createUser(tdb.database.prisma), session.moderator]) {
      await expect(editQuestion({ store, actor, input: { questionId: question.id, text: "Yours" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(withdrawQuestion({ store, actor, questionId: question.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("the asker withdraws a pending question, but not a published one", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const { question } = await ask(asker, session.id, "Never mind?");
    expect((await withdrawQuestion({ store, actor: asker, questionId: question.id })).question.status).toBe("WITHDRAWN");
    await expect(withdrawQuestion({ store, actor: asker, questionId: question.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const published = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: asker.userId, status: "PUBLISHED" });
    await expect(withdrawQuestion({ store, actor: asker, questionId: published.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("voteQuestion and flushVoteCounts", () => {
  test("one vote per person: repeats change nothing, the flush counts the rows exactly", async () => {
    const session = await newSession({ mode: "OPEN" });
    const { question } = await ask(await createUser(tdb.database.prisma), session.id, "Vote for me?");
    const voters = await Promise.all(Array.from({ length: 5 }, () => createUser(tdb.database.prisma)));
    for (const voter of voters) expect((await vote(voter, question.id)).changed).toBe(true);
    expect((await vote(voters[0]!, question.id)).changed).toBe(false);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => vote(voters[1]!, question.id)));
    expect(parallel.every((r) => !r.changed)).toBe(true);
    expect(await tdb.database.prisma.vote.count({ where: { questionId: question.id } })).toBe(5);

    const change = await flushVoteCounts({ store, sessionId: session.id, questionIds: [question.id] });
    expect(change).toMatchObject({ kind: "votes", counts: [{ id: question.id, voteCount: 5, status: "PUBLISHED" }] });
    expect(await flushVoteCounts({ store, sessionId: session.id, questionIds: [question.id] })).toBeUndefined();
  });

  test("taking a vote back removes it; taking it back twice changes nothing", async () => {
    const session = await newSession({ mode: "OPEN" });
    const { question } = await ask(await createUser(tdb.database.prisma), session.id, "Undo?");
    const voter = await createUser(tdb.database.prisma);
    await vote(voter, question.id);
    expect((await vote(voter, question.id, false)).changed).toBe(true);
    expect((await vote(voter, question.id, false)).changed).toBe(false);
    expect(await tdb.database.prisma.vote.count({ where: { questionId: question.id } })).toBe(0);
  });

  test("nobody upvotes their own question", async () => {
    const session = await newSession({ mode: "OPEN" });
    const asker = await createUser(tdb.database.prisma);
    const { question } = await ask(asker, session.id, "Me?");
    await expect(vote(asker, question.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test.each(["PENDING", "ANSWERED", "DISMISSED", "ARCHIVED", "WITHDRAWN"] as QuestionStatus[])("a %s question takes no new votes", async (status) => {
    const session = await newSession();
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: session.moderator.userId, status });
    await expect(vote(await createUser(tdb.database.prisma), q.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("non-members cannot vote and unknown questions are NOT_FOUND", async () => {
    const session = await newSession({ status: "SCHEDULED" });
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: session.moderator.userId, status: "PUBLISHED" });
    await expect(vote(await createUser(tdb.database.prisma), q.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(vote(await createUser(tdb.database.prisma), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("counts left stale by a crash before a flush are found, and one flush fixes them", async () => {
    const session = await newSession({ mode: "OPEN" });
    const { question } = await ask(await createUser(tdb.database.prisma), session.id, "Crash?");
    await vote(await createUser(tdb.database.prisma), question.id);
    expect((await findStaleVoteCounts(store)).get(session.id)).toEqual([question.id]);
    await flushVoteCounts({ store, sessionId: session.id, questionIds: [question.id] });
    expect((await findStaleVoteCounts(store)).has(session.id)).toBe(false);
  });
});

describe("moderateQuestion: the queue's state machine", () => {
  // [action, from, expected status after, or "CONFLICT"]
  const cases: [string, QuestionStatus, QuestionStatus | "CONFLICT"][] = [
    ["approve", "PENDING", "PUBLISHED"],
    ["approve", "PUBLISHED", "CONFLICT"],
    ["approve", "DISMISSED", "CONFLICT"],
    ["approve", "WITHDRAWN", "CONFLICT"],
    ["dismiss", "PENDING", "DISMISSED"],
    ["dismiss", "PUBLISHED", "DISMISSED"],
    ["dismiss", "ANSWERED", "CONFLICT"],
    ["dismiss", "DISMISSED", "CONFLICT"],
    ["restore", "DISMISSED", "PUBLISHED"],
    ["restore", "ARCHIVED", "PUBLISHED"],
    ["restore", "ANSWERED", "PUBLISHED"],
    ["restore", "PENDING", "CONFLICT"],
    ["restore", "WITHDRAWN", "CONFLICT"],
    ["answer", "PUBLISHED", "ANSWERED"],
    ["answer", "PENDING", "CONFLICT"],
    ["answer", "ANSWERED", "CONFLICT"],
    ["archive", "PUBLISHED", "ARCHIVED"],
    ["archive", "ANSWERED", "ARCHIVED"],
    ["archive", "DISMISSED", "ARCHIVED"],
    ["archive", "PENDING", "CONFLICT"],
    ["archive", "WITHDRAWN", "CONFLICT"],
    ["highlight", "PUBLISHED", "PUBLISHED"],
    ["highlight", "PENDING", "CONFLICT"],
    ["highlight", "ANSWERED", "CONFLICT"],
    ["reply", "PUBLISHED", "PUBLISHED"],
    ["reply", "ANSWERED", "ANSWERED"],
    ["reply", "PENDING", "CONFLICT"],
    ["reply", "WITHDRAWN", "CONFLICT"],
  ];
  test.each(cases)("%s a %s question → %s", async (action, from, expected) => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: asker.userId, status: from });
    const input = { action, questionId: q.id, ...(action === "reply" ? { text: "We will follow up in writing." } : {}) } as never;
    const before = await qaSeq(tdb.database.prisma, session.id);
    const run = moderateQuestion({ store, actor: session.moderator, input });
    if (expected === "CONFLICT") {
      await expect(run).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await qaSeq(tdb.database.prisma, session.id)).toBe(before);
      expect((await tdb.database.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe(from);
      return;
    }
    const result = await run;
    expect(result.seq).toBe(before + 1);
    expect(result.questions.at(-1)).toMatchObject({ id: q.id, status: expected, seq: before + 1 });
  });

  test("dismissing keeps a reason for moderators only; restoring clears it", async () => {
    const session = await newSession();
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: session.moderator.userId, status: "PENDING" });
    const { questions } = await moderateQuestion({ store, actor: session.moderator, input: { action: "dismiss", questionId: q.id, reason: "Off topic" } });
    expect(toModeratorQuestion(questions[0]!).dismissReason).toBe("Off topic");
    expect(toQuestion(questions[0]!)).not.toHaveProperty("dismissReason");
    const restored = await moderateQuestion({ store, actor: session.moderator, input: { action: "restore", questionId: q.id } });
    expect(restored.questions[0]).toMatchObject({ status: "PUBLISHED", dismissReason: null });
  });

  test("one question on screen at a time: highlighting another takes the first off in the same seq", async () => {
    const session = await newSession();
    const [a, b] = await Promise.all(["A?", "B?"].map((text) => createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: session.moderator.userId, status: "PUBLISHED", text })));
    await moderateQuestion({ store, actor: session.moderator, input: { action: "highlight", questionId: a!.id } });
    const second = await moderateQuestion({ store, actor: session.moderator, input: { action: "highlight", questionId: b!.id } });
    expect(second.questions.map((q) => [q.id, q.highlighted, q.seq])).toEqual([
      [a!.id, false, second.seq],
      [b!.id, true, second.seq],
    ]);
    await expect(moderateQuestion({ store, actor: session.moderator, input: { action: "highlight", questionId: b!.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    const answered = await moderateQuestion({ store, actor: session.moderator, input: { action: "answer", questionId: b!.id } });
    expect(answered.questions[0]).toMatchObject({ status: "ANSWERED", highlighted: false });
    await expect(moderateQuestion({ store, actor: session.moderator, input: { action: "unhighlight", questionId: b!.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("only this session's moderators and organisers moderate", async () => {
    const session = await newSession();
    const other = await newSession();
    const q = await createQuestion(tdb.database.prisma, { sessionId: session.id, authorId: session.moderator.userId, status: "PENDING" });
    const speaker = await createUser(tdb.database.prisma, { role: { sessionId: session.id, role: "SPEAKER" } });
    for (const actor of [await createUser(tdb.database.prisma), speaker, other.moderator]) {
      await expect(moderateQuestion({ store, actor, input: { action: "approve", questionId: q.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const organiser = await createUser(tdb.database.prisma, { organiser: true });
    expect((await moderateQuestion({ store, actor: organiser, input: { action: "approve", questionId: q.id } })).questions[0]!.status).toBe("PUBLISHED");
  });
});

describe("mergeQuestions", () => {
  test("the duplicate's backers count once on the target; the duplicate is archived and linked", async () => {
    const db = tdb.database.prisma;
    const session = await newSession({ mode: "OPEN" });
    const [targetAuthor, dupAuthor, u1, u2, u3] = await Promise.all(Array.from({ length: 5 }, () => createUser(db)));
    const target = (await ask(targetAuthor!, session.id, "How is AI governed?")).question;
    const dup = (await ask(dupAuthor!, session.id, "Who governs AI?")).question;
    for (const u of [u1!, u2!]) await vote(u, target.id);
    for (const u of [u2!, u3!, targetAuthor!]) await vote(u, dup.id);

    const { questions } = await moderateQuestion({ store, actor: session.moderator, input: { action: "merge", questionId: dup.id, intoId: target.id } });
    const [archived, merged] = questions;
    expect(archived).toMatchObject({ id: dup.id, status: "ARCHIVED", mergedIntoId: target.id });
    // u1, u2, u3 and the duplicate's asker; u2 once; the target's own asker never.
    expect(merged).toMatchObject({ id: target.id, voteCount: 4 });
    const voters = (await db.vote.findMany({ where: { questionId: target.id } })).map((v) => v.userId).sort();
    expect(voters).toEqual([u1!.userId, u2!.userId, u3!.userId, dupAuthor!.userId].sort());

    await expect(moderateQuestion({ store, actor: session.moderator, input: { action: "restore", questionId: dup.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(vote(u1!, dup.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test.each([
    ["into itself", "self", "BAD_REQUEST"],
    ["into a pending question", "pending", "CONFLICT"],
    ["into a question of another session", "elsewhere", "NOT_FOUND"],
  ])("a question cannot be merged %s", async (_name, kind, code) => {
    const db = tdb.database.prisma;
    const session = await newSession();
    const other = await newSession();
    const source = await createQuestion(db, { sessionId: session.id, authorId: session.moderator.userId, status: "PUBLISHED" });
    const target =
      kind === "self"
        ? source
        : await createQuestion(db, { sessionId: kind === "elsewhere" ? other.id : session.id, authorId: session.moderator.userId, status: kind === "pending" ? "PENDING" : "PUBLISHED" });
    await expect(moderateQuestion({ store, actor: session.moderator, input: { action: "merge", questionId: source.id, intoId: target.id } })).rejects.toMatchObject({ code });
  });

  test("an answered question cannot be merged away, and attendees cannot merge", async () => {
    const db = tdb.database.prisma;
    const session = await newSession();
    const source = await createQuestion(db, { sessionId: session.id, authorId: session.moderator.userId, status: "ANSWERED" });
    const target = await createQuestion(db, { sessionId: session.id, authorId: session.moderator.userId, status: "PUBLISHED" });
    await expect(moderateQuestion({ store, actor: session.moderator, input: { action: "merge", questionId: source.id, intoId: target.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(moderateQuestion({ store, actor: await createUser(db), input: { action: "merge", questionId: target.id, intoId: source.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("setQaMode", () => {
  test("moderators switch modes; each switch is one seq; asking follows the mode", async () => {
    const session = await newSession();
    const asker = await createUser(tdb.database.prisma);
    const before = await qaSeq(tdb.database.prisma, session.id);
    expect(await setQaMode({ store, actor: session.moderator, sessionId: session.id, mode: "OPEN" })).toMatchObject({ seq: before + 1, mode: "OPEN", change: { kind: "mode" } });
    expect((await ask(asker, session.id, "Open now?")).question.status).toBe("PUBLISHED");
    await setQaMode({ store, actor: session.moderator, sessionId: session.id, mode: "CLOSED" });
    await expect(ask(asker, session.id, "Still?")).rejects.toMatchObject({ code: "CONFLICT" });
    const same = await setQaMode({ store, actor: session.moderator, sessionId: session.id, mode: "CLOSED" });
    expect(same.change).toBeUndefined();
    await expect(setQaMode({ store, actor: asker, sessionId: session.id, mode: "OPEN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("getQaSnapshot", () => {
  test("attendees see public questions and their own; moderators see all but withdrawn; the presenter sees only public", async () => {
    const db = tdb.database.prisma;
    const session = await newSession();
    const [me, someone] = [await createUser(db), await createUser(db)];
    const mine = (await ask(me, session.id, "My pending one?")).question;
    const theirs = (await ask(someone, session.id, "Their pending one?")).question;
    const withdrawn = (await ask(someone, session.id, "Withdrawn?")).question;
    await withdrawQuestion({ store, actor: someone, questionId: withdrawn.id });
    const published = (await ask(someone, session.id, "Approved one?")).question;
    await moderateQuestion({ store, actor: session.moderator, input: { action: "approve", questionId: published.id } });

    const attendee = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "attendee", userId: me.userId });
    expect(attendee).toMatchObject({ reset: true, mode: "MODERATED", mine: [mine.id], removed: [], seq: await qaSeq(db, session.id) });
    expect(attendee.questions.map((q) => q.id)).toEqual([mine.id, published.id]);
    const moderator = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "moderator", userId: session.moderator.userId });
    expect(moderator.questions.map((q) => q.id)).toEqual([mine.id, theirs.id, published.id]);
    const presenter = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "presenter" });
    expect(presenter.questions.map((q) => q.id)).toEqual([published.id]);
    expect(presenter.mine).toEqual([]);
  });

  test("a delta holds exactly what changed after sinceSeq, and removals of what attendees had seen", async () => {
    const db = tdb.database.prisma;
    const session = await newSession({ mode: "OPEN" });
    const [me, someone] = [await createUser(db), await createUser(db)];
    const a = (await ask(someone, session.id, "A?")).question;
    const b = (await ask(someone, session.id, "B?")).question;
    const since = await qaSeq(db, session.id);
    await moderateQuestion({ store, actor: session.moderator, input: { action: "dismiss", questionId: a.id } });
    await vote(me, b.id);
    await flushVoteCounts({ store, sessionId: session.id, questionIds: [b.id] });
    const c = (await ask(someone, session.id, "C?")).question;

    const delta = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "attendee", userId: me.userId, sinceSeq: since });
    expect(delta).toMatchObject({ reset: false, seq: since + 3, removed: [a.id], myVotes: [b.id] });
    expect(delta.questions.map((q) => [q.id, q.voteCount])).toEqual([
      [b.id, 1],
      [c.id, 0],
    ]);
    const upToDate = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "attendee", userId: me.userId, sinceSeq: delta.seq });
    expect(upToDate).toMatchObject({ reset: false, questions: [], removed: [] });
  });

  test("a client that is ahead of the database (restored from backup) gets a full reset", async () => {
    const session = await newSession({ mode: "OPEN" });
    await ask(await createUser(tdb.database.prisma), session.id, "Q?");
    const snapshot = await getQaSnapshot({ sql: store.sql, sessionId: session.id, view: "attendee", userId: session.moderator.userId, sinceSeq: 999 });
    expect(snapshot).toMatchObject({ reset: true, seq: 1 });
    expect(snapshot.questions).toHaveLength(1);
  });
});

describe("exportQuestions and presenter links", () => {
  test("moderators export text, language, exact votes, status, times and replies; anonymous askers stay unnamed", async () => {
    const db = tdb.database.prisma;
    const session = await newSession({ mode: "OPEN" });
    const named = await createUser(db, { name: "Named Person" });
    const hidden = await createUser(db, { name: "Hidden Person" });
    const a = (await ask(named, session.id, "=1+1 named?")).question;
    await ask(hidden, session.id, "Anonymous?", { anonymous: true });
    await vote(hidden, a.id);
    await moderateQuestion({ store, actor: session.moderator, input: { action: "reply", questionId: a.id, text: "Yes." } });
    const rows = await exportQuestions({ store, actor: session.moderator, sessionId: session.id });
    expect(rows).toMatchObject([
      { text: "=1+1 named?", author: "Named Person", votes: 1, reply: "Yes.", status: "PUBLISHED", language: expect.any(String) },
      { text: "Anonymous?", author: null, anonymous: true, votes: 0 },
    ]);
    expect(JSON.stringify(rows)).not.toContain("Hidden Person");
    await expect(exportQuestions({ store, actor: named, sessionId: session.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("a moderator issues a presenter link that verifies until it expires; attendees cannot issue one", async () => {
    const db = tdb.database.prisma;
    const session = await newSession();
    const link = await issuePresenterLink({ store, actor: session.moderator, sessionId: session.id });
    expect(link.path).toBe(`/sessions/${session.id}/presenter#token=${link.token}`);
    expect(await verifyPresenterToken(store.sql, link.token)).toMatchObject({ sessionId: session.id, title: "Q&A test session" });
    await db.presenterLink.updateMany({ where: { sessionId: session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(verifyPresenterToken(store.sql, link.token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyPresenterToken(store.sql, "x".repeat(43))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issuePresenterLink({ store, actor: await createUser(db), sessionId: session.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
