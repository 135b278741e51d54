import { createHash, randomUUID } from "node:crypto";
import { participantIdentity } from "@plenary/shared";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readAttendance } from "../src/attendance/read-attendance.ts";
import type { Session } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions } from "./helpers/fixtures.ts";

let tdb: TestDatabase;
let api: TestApp;
let session: Session;

beforeAll(async () => {
  tdb = await createTestDatabase();
  session = (await seedSessions(tdb.database.prisma))[0]!;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

/** Signs a body the way livekit-server does: a JWT from the API key whose sha256 claim is the body hash. */
async function sign(body: string, secret = "secret") {
  const token = new AccessToken("devkey", secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

const post = (body: string, authorization?: string) =>
  fetch(`${api.baseUrl}/api/livekit/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/webhook+json", ...(authorization ? { Authorization: authorization } : {}) },
    body,
  });

const joined = (id: string) =>
  JSON.stringify({
    event: "participant_joined",
    id,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { name: `session-${session.id}` },
    participant: { identity: "user-42", name: "Participant" },
  });

describe("LiveKit webhooks", () => {
  test("a signed participant_joined is recorded once, even when redelivered", async () => {
    const body = joined("EV_join_1");
    const auth = await sign(body);
    expect((await post(body, auth)).status).toBe(200);
    expect((await post(body, auth)).status).toBe(200);
    const rows = await tdb.database.prisma.attendance.findMany({ where: { sessionId: session.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ identity: "user-42", kind: "JOINED", webhookId: "EV_join_1" });
  });

  test("a person in two views is one attendee, present until their last view leaves", async () => {
    const userId = randomUUID();
    const [page, view] = [participantIdentity(userId, "attendee", "session"), participantIdentity(userId, "speaker", "speak")];
    let n = 0;
    const deliver = async (event: "participant_joined" | "participant_left", identity: string, sid: string) => {
      const body = JSON.stringify({ event, id: `EV_views_${userId}_${n++}`, createdAt: String(Math.floor(Date.now() / 1000)), room: { name: `session-${session.id}` }, participant: { identity, sid } });
      expect((await post(body, await sign(body))).status).toBe(200);
    };
    const theirs = async () => (await readAttendance({ db: tdb.database.prisma, sessionId: session.id })).filter((a) => a.userId === userId);

    await deliver("participant_joined", page, "PA_page");
    await deliver("participant_joined", view, "PA_view");
    await deliver("participant_left", page, "PA_page");
    expect(await theirs()).toEqual([expect.objectContaining({ key: userId, present: true })]);
    await deliver("participant_left", view, "PA_view");
    expect(await theirs()).toEqual([expect.objectContaining({ key: userId, present: false })]);
  });

  test.each([
    ["no signature", async (_b: string) => undefined],
    ["a signature from the wrong secret", async (b: string) => sign(b, "not-the-secret")],
    ["a signature over a different body", async (_b: string) => sign(joined("EV_other"))],
  ])("a forgery with %s is rejected with 401 and not recorded", async (_name, makeAuth) => {
    const body = joined(`EV_forged_${Math.random()}`);
    const res = await post(body, await makeAuth(body));
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect(await tdb.database.prisma.attendance.count({ where: { webhookId: JSON.parse(body).id } })).toBe(0);
  });
});
