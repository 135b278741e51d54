import { ZTokenRequest, ZUuid } from "@plenary/shared";
import { Router } from "express";
import type { AccessCache } from "./access-cache.ts";
import { requireUser } from "../http/middleware.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { parseInput } from "../lib/validate.ts";
import { issueToken } from "./issue-token.ts";

export function tokensRoutes(deps: { access: AccessCache; livekit: Livekit; limiter: Limiter }): Router {
  const router = Router();
  router.post("/sessions/:id/token", requireUser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const { role } = parseInput(ZTokenRequest, req.body ?? {});
    await deps.limiter.consume(req.user!.id);
    res.setHeader("Cache-Control", "no-store");
    res.json(await issueToken(deps, { user: req.user!, sessionId, role }));
  });
  return router;
}
