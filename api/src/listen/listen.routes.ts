import { ZCreateListenLinkRequest, ZGuestTokenRequest, ZUuid, type TListenLink } from "@plenary/shared";
import { Router } from "express";
import { requireUser } from "../http/middleware.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { parseInput } from "../lib/validate.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { issueGuestToken } from "./guest-token.ts";
import { createListenLink, listListenLinks, revokeListenLink, type ListenStore } from "./listen-links.ts";

/** Listen links over REST: the chair creates, lists and revokes them; a guest trades one for a token. */
export function listenRoutes(deps: {
  store: ListenStore;
  livekit: Livekit;
  limits: { perAddress: Limiter; perLink: Limiter };
  /** Cuts off a revoked link's guests: its sockets and its LiveKit participants. */
  onRevoked(link: TListenLink): Promise<void>;
}): Router {
  const { store, livekit, limits } = deps;
  const router = Router();
  const actorOf = (user: NonNullable<Express.Request["user"]>) => ({ userId: user.id, isOrganiser: user.isOrganiser });

  router.post("/sessions/:id/listen-links", requireUser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const { validForHours } = parseInput(ZCreateListenLinkRequest, req.body ?? {});
    res.setHeader("Cache-Control", "no-store");
    res.status(201).json(await createListenLink({ store, actor: actorOf(req.user!), sessionId, validForHours }));
  });

  router.get("/sessions/:id/listen-links", requireUser, async (req, res) => {
    const links = await listListenLinks({ store, actor: actorOf(req.user!), sessionId: parseInput(ZUuid, req.params.id) });
    res.setHeader("Cache-Control", "no-store");
    res.json({ links });
  });

  router.post("/sessions/:id/listen-links/:linkId/revoke", requireUser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const link = await revokeListenLink({ store, actor: actorOf(req.user!), sessionId, linkId: parseInput(ZUuid, req.params.linkId) });
    await deps.onRevoked(link);
    res.json(link);
  });

  // Anonymous, so limited by address first (the proxy-aware req.ip), before any database work.
  router.post("/listen/token", async (req, res) => {
    await limits.perAddress.consume(req.ip ?? "unknown");
    const { token } = parseInput(ZGuestTokenRequest, req.body ?? {});
    res.setHeader("Cache-Control", "no-store");
    res.json(await issueGuestToken({ store, livekit, perLink: limits.perLink }, { token }));
  });

  return router;
}
