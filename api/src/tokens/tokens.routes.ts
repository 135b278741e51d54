import { ZConnectionDetails, ZTokenRequest } from "@plenary/shared";
import type { Livekit } from "../livekit/livekit.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { ZSessionParams } from "../lib/validate.ts";
import type { AccessCache } from "./access-cache.ts";
import { issueToken } from "./issue-token.ts";

/** LiveKit tokens: the hottest route of all (a join burst asks for thousands at once). */
export function tokensRoutes(deps: { access: AccessCache; livekit: Livekit; limiter: Limiter }): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/sessions/:id/token",
      summary: "A LiveKit token for this session in one role, from one view (each view has its own identity)",
      auth: "user",
      params: ZSessionParams,
      body: ZTokenRequest,
      response: ZConnectionDetails,
      handle: async ({ params, body, user, res }) => {
        await deps.limiter.consume(user.id);
        res.setHeader("Cache-Control", "no-store");
        return issueToken(deps, { user, sessionId: params.id, role: body.role, view: body.view });
      },
    }),
  ];
}
