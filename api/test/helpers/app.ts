import pino from "pino";
import { createClient } from "redis";
import { inject } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { parseConfig, type Config } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import { createLivekit } from "../../src/livekit/livekit.ts";
import { REDIS_URL } from "./db-urls.ts";

/** The one Origin test clients present; the api allows it. */
export const TEST_ORIGIN = "http://plenary.test";

export interface TestApp {
  app: App;
  config: Config;
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a real api on an ephemeral port against the given database, the run's real
 * livekit-server, and (optionally) the real Redis for the Socket.IO adapter.
 */
export async function startTestApp(options: { database: Database; env?: Record<string, string>; redis?: boolean; port?: number }): Promise<TestApp> {
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PUBLIC_URL: TEST_ORIGIN,
    LIVEKIT_URL: inject("livekitUrl"),
    DATABASE_URL: "postgresql://unused/by-tests",
    // Tests sign up many people from one address; the registration throttle has its own tests.
    RATE_LIMIT_REGISTRATIONS_PER_HOUR: "100000",
    ...options.env,
  });
  let redis: { pub: ReturnType<typeof createClient>; sub: ReturnType<typeof createClient> } | undefined;
  if (options.redis) {
    const pub = createClient({ url: REDIS_URL });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redis = { pub, sub };
  }
  const app = await createApp({ config, database: options.database, livekit: createLivekit(config.livekit), logger: pino({ level: "silent" }), redis });
  const port = await app.listen(options.port ?? 0, "127.0.0.1");
  return {
    app,
    config,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (redis) await Promise.all([redis.pub.quit(), redis.sub.quit()]);
    },
  };
}
