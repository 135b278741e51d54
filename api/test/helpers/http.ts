import type { TRegisterRequest } from "@plenary/shared";
import { SESSION_COOKIE } from "../../src/http/middleware.ts";
import { TEST_ORIGIN } from "./app.ts";

let counter = 0;

/** A minimal HTTP client that keeps the session cookie, like a browser tab. */
export class TestClient {
  /** The session cookie as a `Cookie` header value. */
  cookie?: string;
  /** Any other cookie the api set (the login throttle's device cookie), by name. */
  readonly otherCookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Origin: TEST_ORIGIN,
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(this.cookie || this.otherCookies.size ? { Cookie: [this.cookie, ...this.otherCookies.values()].filter(Boolean).join("; ") } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0]!;
      if (pair.startsWith(`${SESSION_COOKIE}=`)) this.cookie = pair;
      else this.otherCookies.set(pair.split("=")[0]!, pair);
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});

  /** Registers a fresh user (unique email) and keeps its cookie. */
  async register(overrides: Partial<TRegisterRequest> = {}) {
    const email = overrides.email ?? `user${process.pid}-${Date.now()}-${++counter}@example.org`;
    const res = await this.post("/api/auth/register", {
      displayName: "Test User",
      stakeholderGroup: "CIVIL_SOCIETY",
      password: "correct horse battery",
      ...overrides,
      email,
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
    return res.body as { id: string; email: string };
  }
}
