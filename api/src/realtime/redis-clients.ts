import type { Logger } from "pino";
import { createClient } from "redis";
import type { RedisPair } from "./socket-server.ts";

/**
 * Connects the two Redis clients a replica needs (commands and rate limits on `pub`, the Socket.IO
 * adapter's subscriptions on `sub`). They ride out a Redis restart: node-redis reconnects with
 * backoff, resubscribes, and sends what was queued meanwhile. Without an `error` listener a
 * dropped connection would be thrown and end the process, so each client logs it instead, once
 * per outage rather than once per reconnect attempt.
 */
export async function connectRedis(options: { url: string; logger: Logger }): Promise<RedisPair & { close(): Promise<void> }> {
  const { url, logger } = options;
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const [name, client] of [["commands", pub], ["subscriptions", sub]] as const) {
    let down = false;
    client.on("error", (err: Error) => {
      if (down) return;
      down = true;
      logger.warn({ client: name, err: err.message }, "Redis connection lost; reconnecting (cross-replica broadcasts wait, rate limits fall back to this replica's memory)");
    });
    client.on("ready", () => {
      if (!down) return;
      down = false;
      logger.info({ client: name }, "Redis connection back");
    });
  }
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    pub,
    sub,
    close: async () => {
      await Promise.all([pub.quit(), sub.quit()]).catch(() => undefined);
    },
  };
}
