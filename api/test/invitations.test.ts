import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Session } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";

let tdb: TestDatabase;
let api: TestApp;
let session: Session;

beforeAll(async () => {
  tdb = await createTestDatabase();
  session = (await seedSessions(tdb.database.prisma))[1]!;
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

/** A fresh invitation link's token, made by a new organiser. */
async function invite(body: { role: string; boothLanguage?: string }): Promise<string> {
  const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true });
  const res = await client.post(`/api/sessions/${session.id}/invitations`, body);
  expect(res.status).toBe(201);
  return res.body.token;
}

describe("GET /api/invitations/:token: what an invitation offers, before accepting", () => {
  test("names the event, the session, the role and the booth, to a visitor who is not signed in", async () => {
    const token = await invite({ role: "INTERPRETER", boothLanguage: "fr" });
    const res = await new TestClient(api.baseUrl).get(`/api/invitations/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      event: { title: expect.stringContaining("WSIS"), timezone: "Europe/Zurich" },
      session: { id: session.id, title: session.title, room: session.room },
      role: "INTERPRETER",
      boothLanguage: "fr",
      acceptedByYou: false,
    });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  test.each([
    ["a token nobody issued", "x".repeat(43), 404, "NOT_FOUND"],
    ["a token too short to be one", "short", 400, "BAD_REQUEST"],
  ])("%s is refused at once (%i)", async (_what, token, status, code) => {
    const res = await new TestClient(api.baseUrl).get(`/api/invitations/${token}`);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  test("an expired invitation is not found, as accepting it would be", async () => {
    const token = await invite({ role: "SPEAKER" });
    await tdb.database.prisma.invitation.updateMany({ where: { sessionId: session.id, role: "SPEAKER" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await new TestClient(api.baseUrl).get(`/api/invitations/${token}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });

  test("once used, it is a conflict for everyone else, and shows as accepted to the person who used it", async () => {
    const token = await invite({ role: "STAGE" });
    const { client: acceptor } = await signedInClient(api.baseUrl, tdb.database.prisma);
    expect((await acceptor.post("/api/invitations/accept", { token })).status).toBe(200);

    const mine = await acceptor.get(`/api/invitations/${token}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ role: "STAGE", boothLanguage: null, acceptedByYou: true });

    const { client: someoneElse } = await signedInClient(api.baseUrl, tdb.database.prisma);
    for (const client of [someoneElse, new TestClient(api.baseUrl)]) {
      const res = await client.get(`/api/invitations/${token}`);
      expect(res.status).toBe(409);
      expect(res.body.error).toEqual({ code: "CONFLICT", message: "This invitation has already been used." });
    }
  });
});
