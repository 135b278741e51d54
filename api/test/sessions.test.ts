import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Session } from "../src/generated/prisma/client.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";

let tdb: TestDatabase;
let api: TestApp;
let sessions: Session[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  sessions = await seedSessions(tdb.database.prisma);
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

describe("agenda", () => {
  test("the sample WSIS+20 agenda: Geneva, six languages, 20+ sessions over five days", async () => {
    const res = await new TestClient(api.baseUrl).get("/api/sessions");
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ timezone: "Europe/Zurich", startDate: "2024-05-27", endDate: "2024-05-31", isSample: true });
    expect(res.body.event.languages).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(20);
    const types = new Set(res.body.sessions.map((s: { type: string }) => s.type));
    expect(types).toEqual(new Set(["CEREMONY", "HIGH_LEVEL", "POLICY", "WORKSHOP", "CLOSING"]));
  });

  test.each([
    ["day=2024-05-31", (s: any) => s.startsAt.startsWith("2024-05-31")],
    ["type=WORKSHOP", (s: any) => s.type === "WORKSHOP"],
    ["language=ru", (s: any) => s.languages.includes("ru")],
    ["liveNow=true", (s: any) => s.status === "LIVE"],
  ])("filter %s", async (query, predicate) => {
    const all = (await new TestClient(api.baseUrl).get("/api/sessions")).body.sessions;
    const res = await new TestClient(api.baseUrl).get(`/api/sessions?${query}`);
    expect(res.body.sessions.length).toBeGreaterThan(0);
    expect(res.body.sessions.length).toBeLessThan(all.length);
    expect(res.body.sessions.every(predicate)).toBe(true);
  });

  test("iCalendar exports for the event and for one session", async () => {
    const client = new TestClient(api.baseUrl);
    const all = await client.get("/api/agenda.ics");
    expect(all.headers.get("content-type")).toMatch(/text\/calendar/);
    expect(all.text.match(/BEGIN:VEVENT/g)?.length).toBe(sessions.length);
    const one = await client.get(`/api/sessions/${sessions[0]!.id}/calendar.ics`);
    expect(one.text.match(/BEGIN:VEVENT/g)?.length).toBe(1);
    expect(one.text).toContain("SUMMARY:Opening ceremony");
  });
});

describe("organiser", () => {
  test("creates, edits, opens and closes a session; others get 401/403", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true });
    const body = { title: "Side event: Digital public goods", type: "WORKSHOP", room: "Room C", startsAt: "2024-05-29T18:00:00+02:00", endsAt: "2024-05-29T19:00:00+02:00", languages: ["en", "fr"] };
    expect((await new TestClient(api.baseUrl).post("/api/sessions", body)).status).toBe(401);
    const { client: attendee } = await signedInClient(api.baseUrl, tdb.database.prisma);
    expect((await attendee.post("/api/sessions", body)).status).toBe(403);

    const created = await client.post("/api/sessions", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "SCHEDULED", qaMode: "MODERATED", startsAt: "2024-05-29T16:00:00.000Z" });
    const id = created.body.id;
    const edited = await client.request("PATCH", `/api/sessions/${id}`, { room: "Room D", qaMode: "OPEN", description: "Open to all stakeholders." });
    expect(edited.body).toMatchObject({ room: "Room D", qaMode: "OPEN", title: body.title });
    // An edit changes only what it names: description and Q&A mode are not reset to their defaults.
    const retitled = await client.request("PATCH", `/api/sessions/${id}`, { title: "Side event: DPGs" });
    expect(retitled.body).toMatchObject({ title: "Side event: DPGs", room: "Room D", qaMode: "OPEN", description: "Open to all stakeholders." });
    expect((await client.post(`/api/sessions/${id}/status`, { status: "LIVE" })).body.status).toBe("LIVE");
    expect((await client.post(`/api/sessions/${id}/status`, { status: "ENDED" })).body.status).toBe("ENDED");
    const illegal = await client.post(`/api/sessions/${id}/status`, { status: "SCHEDULED" });
    expect(illegal.status).toBe(409);
  });

  test("assigns and removes roles, and invitation links grant a role once", async () => {
    const db = tdb.database.prisma;
    const { client: organiser } = await signedInClient(api.baseUrl, db, { organiser: true });
    const { client: person, user } = await signedInClient(api.baseUrl, db);
    const sessionId = sessions[1]!.id;

    const missing = await organiser.post(`/api/sessions/${sessionId}/roles`, { email: "nobody@example.org", role: "SPEAKER" });
    expect(missing.status).toBe(404);
    const noBooth = await organiser.post(`/api/sessions/${sessionId}/roles`, { email: user.email, role: "INTERPRETER" });
    expect(noBooth.status).toBe(400);

    const assigned = await organiser.post(`/api/sessions/${sessionId}/roles`, { email: user.email, role: "INTERPRETER", boothLanguage: "es" });
    expect(assigned.status).toBe(201);
    const assignment = assigned.body.roles.find((r: any) => r.userId === user.id);
    expect(assignment).toMatchObject({ role: "INTERPRETER", boothLanguage: "es" });
    expect((await person.get(`/api/sessions/${sessionId}/roles`)).status).toBe(403);

    const removed = await organiser.request("DELETE", `/api/sessions/${sessionId}/roles/${assignment.id}`);
    expect(removed.body.roles.find((r: any) => r.userId === user.id)).toBeUndefined();

    const invitation = await organiser.post(`/api/sessions/${sessionId}/invitations`, { role: "MODERATOR" });
    expect(invitation.status).toBe(201);
    const accepted = await person.post("/api/invitations/accept", { token: invitation.body.token });
    expect(accepted.body).toEqual({ sessionId, role: "MODERATOR" });
    expect((await person.get("/api/me")).body.roles).toContainEqual({ sessionId, role: "MODERATOR", boothLanguage: null });
    const { client: other } = await signedInClient(api.baseUrl, db);
    expect((await other.post("/api/invitations/accept", { token: invitation.body.token })).status).toBe(409);
  });

  test("an invitation accepted by several people at the same moment grants the role to exactly one", async () => {
    const db = tdb.database.prisma;
    const { client: organiser } = await signedInClient(api.baseUrl, db, { organiser: true });
    const sessionId = (await db.session.findFirstOrThrow({ where: { status: "SCHEDULED" } })).id;
    const invitation = await organiser.post(`/api/sessions/${sessionId}/invitations`, { role: "SPEAKER" });
    const people = await Promise.all(Array.from({ length: 6 }, () => signedInClient(api.baseUrl, db)));
    const answers = await Promise.all(people.map(({ client }) => client.post("/api/invitations/accept", { token: invitation.body.token })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const speakers = await db.sessionRole.count({ where: { sessionId, role: "SPEAKER", userId: { in: people.map((p) => p.user.id) } } });
    expect(speakers).toBe(1);
  });
});
