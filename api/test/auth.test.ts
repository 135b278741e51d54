import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { TestClient } from "./helpers/http.ts";
import { ensureOrganiser } from "../src/auth/ensure-organiser.ts";

let tdb: TestDatabase;
let api: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  api = await startTestApp({ database: tdb.database, env: { RATE_LIMIT_LOGIN_PER_15_MIN: "3", ORGANISER_EMAIL: "chief@forum.test", ORGANISER_PASSWORD: "organiser-password" } });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

describe("accounts", () => {
  test("register sets an httpOnly SameSite cookie and /me returns the profile", async () => {
    const client = new TestClient(api.baseUrl);
    const res = await client.post("/api/auth/register", {
      email: "Amina@Example.org",
      password: "correct horse battery",
      displayName: "Amina",
      organisation: "Ministry of ICT",
      country: "Kenya",
      stakeholderGroup: "GOVERNMENT",
      gender: "female",
      ageBracket: "25_34",
      preferredLanguage: "fr",
    });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: "amina@example.org", stakeholderGroup: "GOVERNMENT", gender: "female", preferredLanguage: "fr", isOrganiser: false });
    expect(me.body).not.toHaveProperty("passwordHash");
  });

  test("passwords are stored as argon2id hashes", async () => {
    const user = await tdb.database.prisma.user.findUniqueOrThrow({ where: { email: "amina@example.org" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  test("a duplicate email is a 409", async () => {
    const res = await new TestClient(api.baseUrl).post("/api/auth/register", { email: "amina@example.org", password: "another password", displayName: "A", stakeholderGroup: "GOVERNMENT" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFLICT");
  });

  test("login, me, logout, then me is 401", async () => {
    const client = new TestClient(api.baseUrl);
    expect((await client.post("/api/auth/login", { email: "amina@example.org", password: "correct horse battery" })).status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    const me = await client.get("/api/me");
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("UNAUTHENTICATED");
  });

  test("wrong password is 401 and repeated failures are throttled with 429", async () => {
    const client = new TestClient(api.baseUrl);
    const attempt = () => client.post("/api/auth/login", { email: "victim@example.org", password: "guess" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  test("the organiser from the environment is bootstrapped on start", async () => {
    const client = new TestClient(api.baseUrl);
    expect((await client.post("/api/auth/login", { email: "chief@forum.test", password: "organiser-password" })).status).toBe(200);
    expect((await client.get("/api/me")).body.isOrganiser).toBe(true);
  });

  test("an account that already has the organiser's email is promoted only with the organiser's password", async () => {
    const squatter = new TestClient(api.baseUrl);
    await squatter.post("/api/auth/register", { email: "head@forum.test", password: "not the organiser password", displayName: "Early bird", stakeholderGroup: "CIVIL_SOCIETY" });
    const organiser = { email: "head@forum.test", password: "the real organiser password", name: "Head" };
    expect(await ensureOrganiser({ db: tdb.database.prisma, organiser })).toBe("refused");
    expect((await squatter.get("/api/me")).body.isOrganiser).toBe(false);

    const owner = new TestClient(api.baseUrl);
    await owner.post("/api/auth/register", { email: "owner@forum.test", password: organiser.password, displayName: "Owner", stakeholderGroup: "INTERNATIONAL_ORGANISATION" });
    expect(await ensureOrganiser({ db: tdb.database.prisma, organiser: { ...organiser, email: "owner@forum.test" } })).toBe("promoted");
    expect(await ensureOrganiser({ db: tdb.database.prisma, organiser: { ...organiser, email: "owner@forum.test" } })).toBe("unchanged");
  });

  test("profile updates are validated and saved", async () => {
    const client = new TestClient(api.baseUrl);
    await client.register();
    const bad = await client.request("PATCH", "/api/me", { stakeholderGroup: "ALIENS" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toHaveProperty("stakeholderGroup");
    const ok = await client.request("PATCH", "/api/me", { preferredLanguage: "ar", country: "Egypt" });
    expect(ok.body).toMatchObject({ preferredLanguage: "ar", country: "Egypt" });
  });

  test("a partial profile update leaves every field it does not name as it was", async () => {
    const client = new TestClient(api.baseUrl);
    await client.register();
    await client.request("PATCH", "/api/me", { organisation: "UNESCO", country: "France", preferredLanguage: "fr", gender: "female", ageBracket: "under_25" });
    // What the header's language switcher sends.
    const switched = await client.request("PATCH", "/api/me", { preferredLanguage: "ar" });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ organisation: "UNESCO", country: "France", preferredLanguage: "ar", gender: "female", ageBracket: "under_25" });
    expect((await client.get("/api/me")).body).toMatchObject({ organisation: "UNESCO", country: "France", preferredLanguage: "ar" });
  });

  test("a write from a foreign Origin is refused (CSRF)", async () => {
    const res = await new TestClient(api.baseUrl).request("POST", "/api/auth/login", { email: "amina@example.org", password: "correct horse battery" }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});
