import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  test("development defaults: embedded PGlite, local LiveKit dev keys, in-memory adapter", () => {
    const config = parseConfig({}, "/srv/plenary");
    expect(config.database).toEqual({ kind: "pglite", dir: "/srv/plenary/.data/pglite", checkpointMs: 30_000 });
    expect(config.livekit).toMatchObject({ enabled: true, url: "ws://127.0.0.1:7880", apiKey: "devkey", tokenTtlSeconds: 600 });
    expect(config.redisUrl).toBeUndefined();
    expect(config.allowedOrigins).toEqual(["http://localhost:3000"]);
    expect(config.cookieSecure).toBe(false);
  });

  test("TRUST_PROXY: no proxy by default, a hop count behind an ingress, or Express's names", () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
  });

  test("DATABASE_URL selects PostgreSQL", () => {
    expect(parseConfig({ DATABASE_URL: "postgresql://u@db:5432/plenary" }).database).toEqual({ kind: "postgres", url: "postgresql://u@db:5432/plenary" });
  });

  test("an empty LIVEKIT_URL switches media off with the given reason", () => {
    expect(parseConfig({ LIVEKIT_URL: "", MEDIA_DISABLED_REASON: "no binary" }).livekit).toEqual({ enabled: false, reason: "no binary" });
  });

  test.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ LIVEKIT_TOKEN_TTL_SECONDS: "3600" }, "LIVEKIT_TOKEN_TTL_SECONDS"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ NODE_ENV: "production" }, "LIVEKIT_API_KEY"],
    [{ NODE_ENV: "production" }, "ORGANISER_PASSWORD"],
    [{ NODE_ENV: "production", SEED_DEMO: "true", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s", ORGANISER_EMAIL: "o@x.org", ORGANISER_PASSWORD: "0123456789" }, "SEED_DEMO"],
  ])("%j is refused, naming %s", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });

  test("production with everything set is accepted, with secure cookies", () => {
    const config = parseConfig({
      NODE_ENV: "production",
      LIVEKIT_API_KEY: "k",
      LIVEKIT_API_SECRET: "s",
      ORGANISER_EMAIL: "Org@Example.org",
      ORGANISER_PASSWORD: "a-long-password",
      ALLOWED_ORIGINS: "https://a.example, https://b.example",
    });
    expect(config.cookieSecure).toBe(true);
    expect(config.organiser?.email).toBe("org@example.org");
    expect(config.allowedOrigins).toEqual(["https://a.example", "https://b.example"]);
  });
});
