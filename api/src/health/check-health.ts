import type { THealth } from "@plenary/shared";
import type { Database } from "../db/client.ts";
import type { Livekit } from "../livekit/livekit.ts";

/** Whether the database and LiveKit answer; LiveKit is "disabled" when media is switched off. */
export async function checkHealth(options: { database: Database; livekit: Livekit; version: string }): Promise<THealth> {
  const { database, livekit } = options;
  const [dbOk, lkOk] = await Promise.all([database.ping(), livekit.enabled ? livekit.ping() : Promise.resolve(null)]);
  return {
    status: dbOk && lkOk !== false ? "ok" : "degraded",
    database: dbOk ? "ok" : "down",
    livekit: lkOk === null ? "disabled" : lkOk ? "ok" : "down",
    version: options.version,
  };
}
