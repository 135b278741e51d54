import { type TSession, ZAgendaQuery, ZAgendaResponse, ZCreateSessionRequest, ZSession, ZSetStatusRequest, ZUpdateSessionRequest } from "@plenary/shared";
import type { Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import { ZSessionParams } from "../lib/validate.ts";
import { createSession } from "./create-session.ts";
import { exportCalendar } from "./export-calendar.ts";
import { getSession } from "./get-session.ts";
import { listAgenda } from "./list-agenda.ts";
import { setSessionStatus } from "./set-session-status.ts";
import { updateSession } from "./update-session.ts";

export interface SessionEvents {
  /** Called after a session changes: live clients are told, and an ended session's room is closed. */
  onSessionUpdated(session: TSession): Promise<void>;
}

const sendIcs = (res: Response, file: { filename: string; body: string }) => {
  res.setHeader("Content-Type", "text/calendar; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${file.filename}"`);
  res.send(file.body);
};

/** The agenda, its calendar files, and the organisers' session editing. */
export function sessionsRoutes(deps: { db: Db; config: Config; events: SessionEvents }): AnyRoute[] {
  const { db, config, events } = deps;
  const changed = async (session: TSession) => {
    await events.onSessionUpdated(session);
    return session;
  };
  return [
    defineRoute({
      method: "get",
      path: "/sessions",
      summary: "The agenda, filtered",
      query: ZAgendaQuery,
      response: ZAgendaResponse,
      handle: ({ query }) => listAgenda({ db, query }),
    }),
    defineRoute({
      method: "get",
      path: "/agenda.ics",
      summary: "iCalendar export of the whole event",
      produces: ["text/calendar"],
      handle: async ({ res }) => sendIcs(res, await exportCalendar({ db, publicUrl: config.publicUrl })),
    }),
    defineRoute({
      method: "get",
      path: "/sessions/:id",
      summary: "One session",
      params: ZSessionParams,
      response: ZSession,
      handle: ({ params }) => getSession({ db, sessionId: params.id }),
    }),
    defineRoute({
      method: "get",
      path: "/sessions/:id/calendar.ics",
      summary: "iCalendar export of one session",
      params: ZSessionParams,
      produces: ["text/calendar"],
      handle: async ({ params, res }) => sendIcs(res, await exportCalendar({ db, publicUrl: config.publicUrl, sessionId: params.id })),
    }),
    defineRoute({
      method: "post",
      path: "/sessions",
      summary: "Create a session",
      auth: "organiser",
      body: ZCreateSessionRequest,
      response: ZSession,
      status: 201,
      handle: ({ body }) => createSession({ db, input: body }),
    }),
    defineRoute({
      method: "patch",
      path: "/sessions/:id",
      summary: "Edit a session",
      auth: "organiser",
      params: ZSessionParams,
      body: ZUpdateSessionRequest,
      response: ZSession,
      handle: async ({ params, body }) => changed(await updateSession({ db, sessionId: params.id, input: body })),
    }),
    defineRoute({
      method: "post",
      path: "/sessions/:id/status",
      summary: "Open (go live) or close a session",
      auth: "organiser",
      params: ZSessionParams,
      body: ZSetStatusRequest,
      response: ZSession,
      handle: async ({ params, body }) => changed(await setSessionStatus({ db, sessionId: params.id, status: body.status })),
    }),
  ];
}
