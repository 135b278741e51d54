import { ZConnectionDetails, ZCreateListenLinkRequest, ZGuestTokenRequest, ZListenLink, ZListenLinkCreated, ZListenLinkList, type TListenLink } from "@plenary/shared";
import { z } from "zod";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { ZSessionParams } from "../lib/validate.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { issueGuestToken } from "./guest-token.ts";
import { createListenLink, listListenLinks, revokeListenLink, type ListenStore } from "./listen-links.ts";

const ZLinkParams = ZSessionParams.extend({ linkId: z.uuid() });

/** Listen links over REST: the chair creates, lists and revokes them; a guest trades one for a token. */
export function listenRoutes(deps: {
  store: ListenStore;
  livekit: Livekit;
  limits: { perAddress: Limiter; perLink: Limiter };
  /** Cuts off a revoked link's guests: its sockets and its LiveKit participants. */
  onRevoked(link: TListenLink): Promise<void>;
}): AnyRoute[] {
  const { store, livekit, limits } = deps;
  const actorOf = (user: { id: string; isOrganiser: boolean }) => ({ userId: user.id, isOrganiser: user.isOrganiser });
  return [
    defineRoute({
      method: "post",
      path: "/sessions/:id/listen-links",
      summary: "A guest link to the listen-only page (moderators)",
      auth: "user",
      params: ZSessionParams,
      body: ZCreateListenLinkRequest,
      response: ZListenLinkCreated,
      status: 201,
      handle: async ({ params, body, user, res }) => {
        res.setHeader("Cache-Control", "no-store");
        return createListenLink({ store, actor: actorOf(user), sessionId: params.id, validForHours: body.validForHours });
      },
    }),
    defineRoute({
      method: "get",
      path: "/sessions/:id/listen-links",
      summary: "The session's guest listen links (moderators)",
      auth: "user",
      params: ZSessionParams,
      response: ZListenLinkList,
      handle: async ({ params, user, res }) => {
        res.setHeader("Cache-Control", "no-store");
        return { links: await listListenLinks({ store, actor: actorOf(user), sessionId: params.id }) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/sessions/:id/listen-links/:linkId/revoke",
      summary: "Revoke a guest listen link; its guests are cut off at once",
      auth: "user",
      params: ZLinkParams,
      response: ZListenLink,
      handle: async ({ params, user }) => {
        const link = await revokeListenLink({ store, actor: actorOf(user), sessionId: params.id, linkId: params.linkId });
        await deps.onRevoked(link);
        return link;
      },
    }),
    defineRoute({
      method: "post",
      path: "/listen/token",
      summary: "A listen-only LiveKit token for a guest link (rate limited)",
      body: ZGuestTokenRequest,
      response: ZConnectionDetails,
      // Anonymous, so limited by address first (the proxy-aware req.ip), before any database work.
      before: [(req, _res, next) => void limits.perAddress.consume(req.ip ?? "unknown").then(() => next(), next)],
      handle: async ({ body, res }) => {
        res.setHeader("Cache-Control", "no-store");
        return issueGuestToken({ store, livekit, perLink: limits.perLink }, { token: body.token });
      },
    }),
  ];
}
