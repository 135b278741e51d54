import type { THealth } from "@plenary/shared";
import { Router } from "express";
import type { Database } from "../db/client.ts";
import type { Livekit } from "../livekit/livekit.ts";

export function healthRoutes(deps: { database: Database; livekit: Livekit; version: string }): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const [dbOk, lkOk] = await Promise.all([deps.database.ping(), deps.livekit.enabled ? deps.livekit.ping() : Promise.resolve(null)]);
    const body: THealth = {
      status: dbOk && lkOk !== false ? "ok" : "degraded",
      database: dbOk ? "ok" : "down",
      livekit: lkOk === null ? "disabled" : lkOk ? "ok" : "down",
      version: deps.version,
    };
    res.status(dbOk ? 200 : 503).json(body);
  });
  return router;
}
