import { ZPresenterVerifyRequest, ZQaExportQuery, ZUuid } from "@plenary/shared";
import { Router } from "express";
import { requireUser } from "../http/middleware.ts";
import { parseInput } from "../lib/validate.ts";
import { exportQuestions, toCsv } from "./export-questions.ts";
import { issuePresenterLink, verifyPresenterToken } from "./presenter-links.ts";
import type { QaStore } from "./qa.repository.ts";

/** Q&A over REST: the moderators' export, and the venue screen's presenter links. */
export function qaRoutes(deps: { store: QaStore }): Router {
  const { store } = deps;
  const router = Router();
  const actorOf = (user: NonNullable<Express.Request["user"]>) => ({ userId: user.id, isOrganiser: user.isOrganiser });

  router.get("/sessions/:id/qa/export", requireUser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const { format } = parseInput(ZQaExportQuery, req.query);
    const rows = await exportQuestions({ store, actor: actorOf(req.user!), sessionId });
    res.setHeader("Content-Disposition", `attachment; filename="questions-${sessionId}.${format}"`);
    res.setHeader("Cache-Control", "no-store");
    if (format === "json") return void res.json({ sessionId, exportedAt: new Date().toISOString(), questions: rows });
    res.type("text/csv; charset=utf-8").send(toCsv(rows));
  });

  router.post("/sessions/:id/qa/presenter-links", requireUser, async (req, res) => {
    const link = await issuePresenterLink({ store, actor: actorOf(req.user!), sessionId: parseInput(ZUuid, req.params.id) });
    res.status(201).json(link);
  });

  router.post("/qa/presenter-links/verify", async (req, res) => {
    res.json(await verifyPresenterToken(store.sql, parseInput(ZPresenterVerifyRequest, req.body).token));
  });

  return router;
}
