import { sessionIdFromRoom } from "@plenary/shared";
import express, { Router } from "express";
import type { Logger } from "pino";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Livekit } from "./livekit.ts";

const RECORDED = new Set(["participant_joined", "participant_left"]);

/**
 * LiveKit webhooks. The signature covers the exact bytes sent, so the body is read raw and
 * verified before it is parsed. Joins and leaves become attendance rows, once per webhook id.
 */
export function webhookRoutes(deps: { db: Db; livekit: Livekit; logger: Logger }): Router {
  const router = Router();
  router.post("/livekit/webhook", express.text({ type: "application/webhook+json", limit: "64kb" }), async (req, res) => {
    if (typeof req.body !== "string") throw new AppError("BAD_REQUEST", "Expected an application/webhook+json body.");
    const event = await deps.livekit.receiveWebhook(req.body, req.get("Authorization")).catch(() => {
      throw new AppError("UNAUTHENTICATED", "Webhook signature is invalid.");
    });
    const sessionId = event.room?.name ? sessionIdFromRoom(event.room.name) : undefined;
    if (RECORDED.has(event.event) && sessionId && event.participant?.identity && event.id) {
      await deps.db.attendance.upsert({
        where: { webhookId: event.id },
        create: {
          webhookId: event.id,
          sessionId,
          identity: event.participant.identity,
          kind: event.event === "participant_joined" ? "JOINED" : "LEFT",
          at: new Date(Number(event.createdAt) * 1000),
        },
        update: {},
      }).catch((err: unknown) => deps.logger.warn({ err, sessionId }, "attendance not recorded"));
    }
    res.status(200).json({ received: true });
  });
  return router;
}
