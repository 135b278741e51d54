import express from "express";
import type { WebhookEvent } from "livekit-server-sdk";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import type { Livekit } from "./livekit.ts";

/**
 * LiveKit webhooks. The signature covers the exact bytes sent, so the body is read raw and
 * verified before it is parsed; each verified event then goes to `onEvent`.
 */
export function webhookRoutes(deps: { livekit: Livekit; onEvent(event: WebhookEvent): Promise<void> }): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/livekit/webhook",
      summary: "LiveKit webhook receiver (signed)",
      auth: "livekit-signature",
      before: [express.text({ type: "application/webhook+json", limit: "64kb" })],
      response: z.object({ received: z.literal(true) }),
      handle: async ({ req }) => {
        if (typeof req.body !== "string") throw new AppError("BAD_REQUEST", "Expected an application/webhook+json body.");
        const event = await deps.livekit.receiveWebhook(req.body, req.get("Authorization")).catch(() => {
          throw new AppError("UNAUTHENTICATED", "Webhook signature is invalid.");
        });
        await deps.onEvent(event);
        return { received: true as const };
      },
    }),
  ];
}
