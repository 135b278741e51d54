import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { TestClient } from "./helpers/http.ts";

let tdb: TestDatabase;
let api: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedSessions(tdb.database.prisma);
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

describe("bad input gets a clear JSON error, never a crash or a stack", () => {
  test.each([
    ["not JSON", "{oops", 400, "BAD_REQUEST"],
    ["an array", [], 400, "BAD_REQUEST"],
    ["wrong types", { email: 42, password: true }, 400, "BAD_REQUEST"],
    ["oversized", { email: "a@b.c", password: "x".repeat(40_000) }, 413, "PAYLOAD_TOO_LARGE"],
  ])("login with %s → %i", async (_name, body, status, code) => {
    const res = await new TestClient(api.baseUrl).request("POST", "/api/auth/login", body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.text).not.toMatch(/at .*\.ts|node_modules|Error:/);
  });

  test("field errors name the field", async () => {
    const res = await new TestClient(api.baseUrl).post("/api/auth/register", { email: "not-an-email", password: "short" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details.fields)).toEqual(expect.arrayContaining(["email", "password", "displayName", "stakeholderGroup"]));
  });

  test("API responses carry static security headers", async () => {
    const res = await new TestClient(api.baseUrl).get("/api/sessions");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  test("unknown routes are JSON 404s", async () => {
    const res = await new TestClient(api.baseUrl).get("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: "No such route." } });
  });

  test("bad query and path parameters are 400s", async () => {
    const client = new TestClient(api.baseUrl);
    expect((await client.get("/api/sessions?day=tomorrow")).status).toBe(400);
    expect((await client.get("/api/sessions?type=PARTY")).status).toBe(400);
    expect((await client.get("/api/sessions/not-a-uuid")).status).toBe(400);
    expect((await client.get("/api/sessions/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  test("requests Express itself cannot read are 400s in the error shape, not 500s", async () => {
    const badEscape = await fetch(`${api.baseUrl}/api/sessions/%E0%A4%A`);
    expect(badEscape.status).toBe(400);
    expect(await badEscape.json()).toEqual({ error: { code: "BAD_REQUEST", message: "The request could not be read." } });
    const charset = await fetch(`${api.baseUrl}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json; charset=utf-7" }, body: "{}" });
    expect(charset.status).toBe(400);
    expect((await charset.json()).error.code).toBe("BAD_REQUEST");
  });

  test("a session whose end precedes its start is refused and nothing is saved", async () => {
    const { client } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true });
    const before = await tdb.database.prisma.session.count();
    const res = await client.post("/api/sessions", { title: "Backwards", type: "WORKSHOP", room: "K", startsAt: "2024-05-28T10:00:00+02:00", endsAt: "2024-05-28T09:00:00+02:00", languages: ["en"] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toHaveProperty("endsAt");
    expect(await tdb.database.prisma.session.count()).toBe(before);
  });

  // PostgreSQL refuses NUL in text and Prisma cannot encode an unpaired surrogate: both were 500s.
  test.each([
    ["NUL", "a\u0000b"],
    ["a lone surrogate", "x\uD800"],
  ])("%s in free text is a 400 naming the field, on every kind of route", async (_name, bad) => {
    const { client: organiser } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true });
    const sessionId = (await tdb.database.prisma.session.findFirstOrThrow()).id;
    const attempts = [
      ["POST", "/api/auth/register", { email: "odd@example.org", password: "correct horse battery", displayName: bad, stakeholderGroup: "ACADEMIA_TECHNICAL" }, "displayName"],
      ["PATCH", "/api/me", { organisation: bad, country: bad }, "organisation"],
      ["POST", "/api/sessions", { title: bad, type: "WORKSHOP", room: "K", startsAt: "2024-05-28T09:00:00+02:00", endsAt: "2024-05-28T10:00:00+02:00", languages: ["en"] }, "title"],
      ["PATCH", `/api/sessions/${sessionId}`, { description: bad, room: bad }, "description"],
    ] as const;
    for (const [method, path, body, field] of attempts) {
      const res = await organiser.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error).toMatchObject({ code: "BAD_REQUEST", details: { fields: { [field]: expect.any(String) } } });
    }
    expect(await tdb.database.prisma.user.count({ where: { email: "odd@example.org" } })).toBe(0);
  });

  test("health and OpenAPI are served as JSON", async () => {
    const client = new TestClient(api.baseUrl);
    const health = await client.get("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", database: "ok", livekit: "ok" });
    const doc = await client.get("/api/openapi.json");
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths["/api/sessions/{id}/token"].post.requestBody.content["application/json"].schema.properties.role.enum).toContain("interpreter");
  });
});
