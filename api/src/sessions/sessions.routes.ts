import { type TSession, ZAgendaQuery, ZCreateSessionRequest, ZSetStatusRequest, ZUpdateSessionRequest, ZUuid } from "@plenary/shared";
import { Router, type Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { requireOrganiser } from "../http/middleware.ts";
import { parseInput } from "../lib/validate.ts";
import { buildIcs } from "./ics.ts";
import { toEventDto } from "./sessions.mapper.ts";
import { createSession, getSession, listAgenda, setSessionStatus, updateSession } from "./sessions.service.ts";

export interface SessionEvents {
  /** Called after a session changes: live clients are told, and an ended session's room is closed. */
  onSessionUpdated(session: TSession): Promise<void>;
}

export function sessionsRoutes(deps: { db: Db; config: Config; events: SessionEvents }): Router {
  const { db, config, events } = deps;
  const router = Router();
  const sendIcs = (res: Response, filename: string, body: string) => {
    res.setHeader("Content-Type", "text/calendar; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
    res.send(body);
  };

  router.get("/sessions", async (req, res) => {
    res.json(await listAgenda(db, parseInput(ZAgendaQuery, req.query)));
  });

  router.get("/agenda.ics", async (_req, res) => {
    const { event, sessions } = await listAgenda(db, {});
    sendIcs(res, `${event.slug}.ics`, buildIcs(event, sessions, config.publicUrl));
  });

  router.get("/sessions/:id", async (req, res) => {
    res.json(await getSession(db, parseInput(ZUuid, req.params.id)));
  });

  router.get("/sessions/:id/calendar.ics", async (req, res) => {
    const session = await getSession(db, parseInput(ZUuid, req.params.id));
    const event = toEventDto(await db.event.findUniqueOrThrow({ where: { id: session.eventId } }));
    sendIcs(res, `session-${session.id}.ics`, buildIcs(event, [session], config.publicUrl));
  });

  router.post("/sessions", requireOrganiser, async (req, res) => {
    res.status(201).json(await createSession(db, parseInput(ZCreateSessionRequest, req.body)));
  });

  router.patch("/sessions/:id", requireOrganiser, async (req, res) => {
    const session = await updateSession(db, parseInput(ZUuid, req.params.id), parseInput(ZUpdateSessionRequest, req.body));
    await events.onSessionUpdated(session);
    res.json(session);
  });

  router.post("/sessions/:id/status", requireOrganiser, async (req, res) => {
    const { status } = parseInput(ZSetStatusRequest, req.body);
    const session = await setSessionStatus(db, parseInput(ZUuid, req.params.id), status);
    await events.onSessionUpdated(session);
    res.json(session);
  });

  return router;
}
