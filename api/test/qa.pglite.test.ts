import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openDatabase, type Database } from "../src/db/client.ts";
import { askQuestion } from "../src/qa/ask-question.ts";
import { exportQuestions } from "../src/qa/export-questions.ts";
import { findStaleVoteCounts, flushVoteCounts } from "../src/qa/flush-vote-counts.ts";
import { getQaSnapshot } from "../src/qa/get-qa-snapshot.ts";
import { moderateQuestion } from "../src/qa/moderate-question.ts";
import { issuePresenterLink, verifyPresenterToken } from "../src/qa/presenter-links.ts";
import { setQaMode } from "../src/qa/set-qa-mode.ts";
import { voteQuestion } from "../src/qa/vote-question.ts";
import { seedAgenda } from "../src/seed/seed.ts";
import { createUser, newClientId } from "./helpers/qa.ts";

// The embedded default runs the same Q&A SQL on PGlite: every statement shape, once.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-qa-pglite-"));
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dir });
  await seedAgenda(database.prisma);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("ask, vote, flush, highlight, merge, sync, export and presenter links work on embedded PGlite", async () => {
  const db = database.prisma;
  const store = { sql: database.query, transaction: database.transaction };
  const session = (await db.session.findFirstOrThrow({ where: { status: "LIVE" } })).id;
  const moderator = await createUser(db, { role: { sessionId: session, role: "MODERATOR" } });
  const [asker, voter] = [await createUser(db), await createUser(db)];

  await setQaMode({ store, actor: moderator, sessionId: session, mode: "OPEN" });
  const ask = (text: string) => askQuestion({ store, actor: asker, input: { sessionId: session, clientId: newClientId(), text, anonymous: false } });
  const a = (await ask("Comment financer la connectivité rurale ?")).question;
  const b = (await ask("Qui paie la connectivité rurale ?")).question;
  expect(a).toMatchObject({ status: "PUBLISHED", language: "fr" });

  expect((await voteQuestion({ sql: store.sql, actor: voter, input: { questionId: b.id, clientId: newClientId(), up: true } })).changed).toBe(true);
  expect((await findStaleVoteCounts(store)).get(session)).toEqual([b.id]);
  expect(await flushVoteCounts({ store, sessionId: session, questionIds: [b.id] })).toMatchObject({ counts: [{ id: b.id, voteCount: 1 }] });

  await moderateQuestion({ store, actor: moderator, input: { action: "highlight", questionId: a.id } });
  const merged = await moderateQuestion({ store, actor: moderator, input: { action: "merge", questionId: b.id, intoId: a.id } });
  expect(merged.questions.map((q) => [q.status, q.voteCount])).toEqual([
    ["ARCHIVED", 1],
    ["PUBLISHED", 1],
  ]);

  const snapshot = await getQaSnapshot({ sql: store.sql, sessionId: session, view: "attendee", userId: voter.userId });
  expect(snapshot.questions.map((q) => [q.id, q.highlighted])).toEqual([[a.id, true]]);
  // The voter's vote on the duplicate now also counts on the question it was merged into.
  expect([...snapshot.myVotes].sort()).toEqual([a.id, b.id].sort());
  expect((await exportQuestions({ store, actor: moderator, sessionId: session })).map((r) => r.votes)).toEqual([1, 1]);

  const link = await issuePresenterLink({ store, actor: moderator, sessionId: session });
  expect((await verifyPresenterToken(store.sql, link.token)).sessionId).toBe(session);
});
