import pino from "pino";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { createLivekit } from "./livekit/livekit.ts";
import { connectRedis } from "./realtime/redis-clients.ts";
import { seedDemo } from "./seed/seed.ts";

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config.database, { logger });
  logger.info({ database: database.kind }, "database ready");
  if (config.seedDemo) await seedDemo(database.prisma, { log: (line) => console.log(line) });

  const redis = config.redisUrl ? await connectRedis({ url: config.redisUrl, logger }) : undefined;
  const livekit = createLivekit(config.livekit);
  if (!livekit.enabled) logger.warn(`Media is off: ${livekit.disabledReason}`);
  const app = await createApp({ config, database, livekit, logger, redis });
  const port = await app.listen();
  // Time since the process started: a restart that is slow to serve again shows here.
  logger.info({ startupMs: Math.round(performance.now()) }, `Plenary api listening on http://${config.host}:${port}`);

  const shutdown = async () => {
    await app.close();
    await redis?.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((err) => {
  console.error("Plenary failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
