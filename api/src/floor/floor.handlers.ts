import {
  FLOOR_EVENTS,
  ZFloorAddPayload,
  ZFloorDeclinePayload,
  ZFloorExtendPayload,
  ZFloorMessagePayload,
  ZFloorMutePayload,
  ZFloorRefPayload,
  ZFloorReorderPayload,
  ZFloorRequestPayload,
  ZFloorSessionPayload,
  ZFloorSettingsPayload,
  ZFloorTakePayload,
  type TFloorList,
  type TFloorSnapshot,
  type TMyFloor,
} from "@plenary/shared";
import type { Logger } from "pino";
import { authorize, can } from "../access/policy.ts";
import { AppError } from "../errors.ts";
import { loadSessionRow, rolesOf } from "../interpretation/interpretation.repository.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { acknowledged } from "../realtime/ack.ts";
import { userRoom } from "../realtime/login-rooms.ts";
import type { PlenarySocket } from "../realtime/types.ts";
import { changeFloor, type FloorChange } from "./change-floor.ts";
import { floorChairRoom, floorRoom, type FloorBroadcaster } from "./floor.broadcast.ts";
import { loadLatest, loadRequest, toMine, type FloorStore } from "./floor.repository.ts";

export interface FloorHandlerDeps {
  store: FloorStore;
  logger: Logger;
  broadcaster: FloorBroadcaster;
  limits: { requests: Limiter; chair: Limiter };
}

/**
 * Thin socket handlers for the floor: validate, rate-limit, change (the service asks the policy
 * inside its transaction), fan out, acknowledge. A participant's ack carries their own request; the
 * chair's carries the speakers' list as it now is.
 */
export function registerFloorHandlers(socket: PlenarySocket, deps: FloorHandlerDeps): void {
  const { store, logger, broadcaster, limits } = deps;
  const actor = () => ({ userId: socket.data.userId, isOrganiser: socket.data.isOrganiser });

  async function policyFor(sessionId: string) {
    const [session, held] = await Promise.all([loadSessionRow(store.sql, sessionId), rolesOf(store.sql, sessionId, socket.data.userId)]);
    return { roles: held.roles, status: session.status, isOrganiser: socket.data.isOrganiser };
  }

  async function change(sessionId: string, floorChange: FloorChange) {
    const outcome = await changeFloor({ store, actor: actor(), sessionId, change: floorChange });
    return { outcome, ...(await broadcaster.publish(sessionId, outcome)) };
  }

  const mine = async (sessionId: string): Promise<TMyFloor> => {
    const latest = await loadLatest(store.sql, sessionId, socket.data.userId);
    if (!latest) throw new AppError("NOT_FOUND", "You have not asked for the floor.");
    return toMine(sessionId, latest);
  };

  const participant =
    <P extends { sessionId: string }>(toChange: (payload: P) => FloorChange) =>
    async (payload: P): Promise<TMyFloor> => {
      await limits.requests.consume(socket.data.userId);
      await change(payload.sessionId, toChange(payload));
      return mine(payload.sessionId);
    };

  const chair =
    <P extends { sessionId: string }>(toChange: (payload: P) => FloorChange) =>
    async (payload: P): Promise<TFloorList> => {
      await limits.chair.consume(socket.data.userId);
      return (await change(payload.sessionId, toChange(payload))).list;
    };

  socket.on(
    FLOOR_EVENTS.sync,
    acknowledged(logger, ZFloorSessionPayload, async ({ sessionId }): Promise<TFloorSnapshot> => {
      const policy = await policyFor(sessionId);
      authorize(policy, "floor.follow");
      const canChair = can(policy, "floor.chair");
      await socket.join(canChair ? [floorRoom(sessionId), floorChairRoom(sessionId), userRoom(socket.data.userId)] : [floorRoom(sessionId), userRoom(socket.data.userId)]);
      const [{ state, list }, latest] = await Promise.all([broadcaster.read(sessionId), loadLatest(store.sql, sessionId, socket.data.userId)]);
      // A speaker whose floor the chair took back asks again rather than taking it.
      const heldBack = latest?.status === "ENDED" && latest.endReason === "revoked";
      return { state, list: canChair ? list : null, mine: latest ? toMine(sessionId, latest) : null, canTake: can(policy, "floor.take") && !heldBack, canChair };
    }),
  );

  socket.on(
    FLOOR_EVENTS.leave,
    acknowledged(logger, ZFloorSessionPayload, async ({ sessionId }) => {
      await Promise.all([socket.leave(floorRoom(sessionId)), socket.leave(floorChairRoom(sessionId))]);
      return { left: true as const };
    }),
  );

  socket.on(FLOOR_EVENTS.request, acknowledged(logger, ZFloorRequestPayload, participant((p) => ({ kind: "request", language: p.language, topic: p.topic || undefined }))));
  socket.on(FLOOR_EVENTS.take, acknowledged(logger, ZFloorTakePayload, participant((p) => ({ kind: "take", language: p.language }))));
  socket.on(FLOOR_EVENTS.withdraw, acknowledged(logger, ZFloorSessionPayload, participant(() => ({ kind: "withdraw" }))));
  socket.on(FLOOR_EVENTS.yield, acknowledged(logger, ZFloorSessionPayload, participant(() => ({ kind: "yield" }))));

  socket.on(FLOOR_EVENTS.grant, acknowledged(logger, ZFloorRefPayload, chair((p) => ({ kind: "grant", requestId: p.requestId }))));
  socket.on(FLOOR_EVENTS.revoke, acknowledged(logger, ZFloorRefPayload, chair((p) => ({ kind: "revoke", requestId: p.requestId }))));
  socket.on(FLOOR_EVENTS.decline, acknowledged(logger, ZFloorDeclinePayload, chair((p) => ({ kind: "decline", requestId: p.requestId, reason: p.reason || undefined }))));
  socket.on(FLOOR_EVENTS.reorder, acknowledged(logger, ZFloorReorderPayload, chair((p) => ({ kind: "reorder", requestId: p.requestId, index: p.index }))));
  socket.on(FLOOR_EVENTS.add, acknowledged(logger, ZFloorAddPayload, chair((p) => ({ kind: "add", email: p.email, language: p.language, topic: p.topic || undefined }))));
  socket.on(FLOOR_EVENTS.extend, acknowledged(logger, ZFloorExtendPayload, chair((p) => ({ kind: "extend", requestId: p.requestId, seconds: p.seconds }))));
  socket.on(FLOOR_EVENTS.mute, acknowledged(logger, ZFloorMutePayload, chair((p) => ({ kind: "mute", requestId: p.requestId, muted: p.muted }))));
  socket.on(FLOOR_EVENTS.settings, acknowledged(logger, ZFloorSettingsPayload, chair(({ sessionId: _, ...settings }) => ({ kind: "settings", settings }))));

  socket.on(
    FLOOR_EVENTS.message,
    acknowledged(logger, ZFloorMessagePayload, async ({ sessionId, requestId, text }) => {
      await limits.chair.consume(socket.data.userId);
      authorize(await policyFor(sessionId), "floor.chair");
      const row = await loadRequest(store.sql, sessionId, requestId);
      const [from] = await store.sql<{ displayName: string }>(`SELECT "displayName" FROM "User" WHERE id = $1::uuid`, [socket.data.userId]);
      const message = { sessionId, fromName: from?.displayName ?? "", text, at: new Date().toISOString() };
      socket.nsp.to(userRoom(row.userId)).emit(FLOOR_EVENTS.messagePosted, message);
      return message;
    }),
  );
}
