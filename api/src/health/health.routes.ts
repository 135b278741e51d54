import { ZHealth } from "@plenary/shared";
import type { Database } from "../db/client.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { checkHealth } from "./check-health.ts";

/** Liveness and readiness: 503 when the database is down, since nothing works without it. */
export function healthRoutes(deps: { database: Database; livekit: Livekit; version: string }): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/health",
      summary: "Database and LiveKit status",
      response: ZHealth,
      handle: async ({ res }) => {
        const health = await checkHealth(deps);
        if (health.database === "down") res.status(503);
        return health;
      },
    }),
  ];
}
