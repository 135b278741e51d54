import { ZPresenterLinkResponse, ZPresenterLinksRevoked, ZPresenterVerifyRequest, ZPresenterVerifyResponse, ZQaExportQuery } from "@plenary/shared";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { AuthUser } from "../http/request-context.ts";
import { ZSessionParams } from "../lib/validate.ts";
import { exportQuestions, toCsv } from "./export-questions.ts";
import { issuePresenterLink, revokePresenterLinks, verifyPresenterToken } from "./presenter-links.ts";
import type { QaStore } from "./qa.repository.ts";

const actorOf = (user: AuthUser) => ({ userId: user.id, isOrganiser: user.isOrganiser });

/** Q&A over REST: the moderators' export, and the venue screen's presenter links. */
export function qaRoutes(deps: {
  store: QaStore;
  /** Closes the venue screens opened with the session's links, on every api process. */
  onPresenterLinksRevoked(sessionId: string): void;
}): AnyRoute[] {
  const { store } = deps;
  return [
    defineRoute({
      method: "get",
      path: "/sessions/:id/qa/export",
      summary: "The session's questions as CSV or JSON (moderators)",
      auth: "user",
      params: ZSessionParams,
      query: ZQaExportQuery,
      produces: ["text/csv", "application/json"],
      handle: async ({ params, query, user, res }) => {
        const sessionId = params.id;
        const rows = await exportQuestions({ store, actor: actorOf(user), sessionId });
        res.setHeader("Content-Disposition", `attachment; filename="questions-${sessionId}.${query.format}"`);
        res.setHeader("Cache-Control", "no-store");
        if (query.format === "json") return void res.json({ sessionId, exportedAt: new Date().toISOString(), questions: rows });
        res.type("text/csv; charset=utf-8").send(toCsv(rows));
      },
    }),
    defineRoute({
      method: "post",
      path: "/sessions/:id/qa/presenter-links",
      summary: "A read-only venue-screen link (moderators)",
      auth: "user",
      params: ZSessionParams,
      response: ZPresenterLinkResponse,
      status: 201,
      handle: ({ params, user }) => issuePresenterLink({ store, actor: actorOf(user), sessionId: params.id }),
    }),
    defineRoute({
      method: "delete",
      path: "/sessions/:id/qa/presenter-links",
      summary: "Withdraw every presenter link of the session; screens opened with them close (moderators)",
      auth: "user",
      params: ZSessionParams,
      response: ZPresenterLinksRevoked,
      handle: async ({ params, user }) => {
        const revoked = await revokePresenterLinks({ store, actor: actorOf(user), sessionId: params.id });
        deps.onPresenterLinksRevoked(params.id);
        return revoked;
      },
    }),
    defineRoute({
      method: "post",
      path: "/qa/presenter-links/verify",
      summary: "Check a presenter link and name its session",
      body: ZPresenterVerifyRequest,
      response: ZPresenterVerifyResponse,
      handle: ({ body }) => verifyPresenterToken(store.sql, body.token),
    }),
  ];
}
