import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";

// The same api over plain http (development, next to a ws:// LiveKit) and behind https.
const clientDist = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-headers-"));
fs.writeFileSync(path.join(clientDist, "index.html"), "<!doctype html><title>Plenary</title>");
let tdb: TestDatabase;
const apis: Record<"http" | "https", TestApp> = {} as never;

beforeAll(async () => {
  tdb = await createTestDatabase();
  for (const scheme of ["http", "https"] as const) {
    apis[scheme] = await startTestApp({ database: tdb.database, env: { CLIENT_DIST: clientDist, PUBLIC_URL: `${scheme}://plenary.test` } });
  }
});
afterAll(async () => {
  for (const api of Object.values(apis)) await api.close();
  await tdb.drop();
  fs.rmSync(clientDist, { recursive: true, force: true });
});

const get = (scheme: "http" | "https", url: string, headers: Record<string, string> = {}) => fetch(apis[scheme].baseUrl + url, { headers });
const POLLING = "/socket.io/?EIO=4&transport=polling";

describe("HSTS and upgrade-insecure-requests only when the public URL is https", () => {
  test.each([
    ["http", false],
    ["https", true],
  ] as const)("over %s: sent = %s", async (scheme, sent) => {
    for (const url of ["/", "/sessions/x", "/api/health", POLLING]) {
      const res = await get(scheme, url);
      expect(res.headers.get("strict-transport-security") !== null, `${scheme} ${url}`).toBe(sent);
    }
    const page = await get(scheme, "/");
    expect(page.headers.get("content-security-policy")!.includes("upgrade-insecure-requests")).toBe(sent);
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self' ws://");
  });
});

describe("Socket.IO's own HTTP responses carry the API's security headers", () => {
  test.each([
    ["a polling handshake", POLLING, {}, 200],
    ["a refused foreign Origin", POLLING, { Origin: "https://evil.example" }, 403],
    ["an unknown session id", `${POLLING}&sid=nope`, {}, 400],
  ])("%s", async (_name, url, headers, status) => {
    const res = await get("http", url, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
