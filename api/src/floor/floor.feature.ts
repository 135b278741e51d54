import { FLOOR_EVENTS, PRESENTER_NAMESPACE, ZFloorSessionPayload, type TFloorEndReason } from "@plenary/shared";
import type { Logger } from "pino";
import { AppError } from "../errors.ts";
import type { InterpretationBroadcaster } from "../interpretation/interpretation.broadcast.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { PresenterNamespace } from "../qa/qa.broadcast.ts";
import { acknowledged } from "../realtime/ack.ts";
import type { SocketFeature } from "../realtime/socket-server.ts";
import type { PlenaryServer } from "../realtime/types.ts";
import { changeFloor } from "./change-floor.ts";
import { createFloorBroadcaster, floorRoom } from "./floor.broadcast.ts";
import { registerFloorHandlers } from "./floor.handlers.ts";
import type { FloorStore } from "./floor.repository.ts";
import { createFloorSweeper } from "./floor.sweeper.ts";

/**
 * Builds floor requests: the speakers' list, grants enforced in LiveKit, the sweeper that watches
 * timers and drop-outs, and the hooks other features call when a decision ends a grant.
 */
export function createFloorFeature(deps: {
  store: FloorStore;
  io: PlenaryServer;
  livekit: Livekit;
  interpretation: InterpretationBroadcaster;
  logger: Logger;
  limiter: LimiterFactory;
  sweepIntervalMs?: number;
}) {
  const { store, io, livekit, logger } = deps;
  const presenters = io.of(PRESENTER_NAMESPACE) as unknown as PresenterNamespace;
  const broadcaster = createFloorBroadcaster({ io, presenters, store, livekit, interpretation: deps.interpretation, logger });
  const sweeper = createFloorSweeper({ store, livekit, broadcaster, logger, intervalMs: deps.sweepIntervalMs });
  const limits = {
    // Raising and lowering a hand a few times is fine; a script cycling requests is not.
    requests: deps.limiter("floor-request", 20, 60),
    chair: deps.limiter("floor-chair", 120, 60),
  };

  // The venue screen shows who has the floor and the timer: read-only, its own session only.
  presenters.on("connection", (socket) => {
    socket.on(
      FLOOR_EVENTS.sync,
      acknowledged(logger, ZFloorSessionPayload, async ({ sessionId }) => {
        if (sessionId !== socket.data.sessionId) throw new AppError("FORBIDDEN", "This screen may only show its own session.");
        await socket.join(floorRoom(sessionId));
        const { state } = await broadcaster.read(sessionId);
        return { state, list: null, mine: null, canTake: false, canChair: false };
      }),
    );
  });

  /** Ends the open requests matching `where` (a grant ends, a queued request is withdrawn), and tells everyone. */
  async function endWhere(where: string, params: unknown[], reason: TFloorEndReason): Promise<void> {
    const rows = await store.sql<{ id: string; sessionId: string }>(`SELECT id, "sessionId" FROM "FloorRequest" WHERE status IN ('QUEUED', 'GRANTED') AND ${where}`, params);
    for (const sessionId of new Set(rows.map((r) => r.sessionId))) {
      const requestIds = rows.filter((r) => r.sessionId === sessionId).map((r) => r.id);
      const outcome = await changeFloor({ store, actor: "system", sessionId, change: { kind: "end", requestIds, reason } });
      await broadcaster.publish(sessionId, outcome);
    }
  }
  const safely = (what: string, work: Promise<void>) => work.catch((err: unknown) => logger.warn({ err, what }, "floor requests not ended"));

  const onConnection: SocketFeature = (socket) => registerFloorHandlers(socket, { store, logger, broadcaster, limits });
  return {
    onConnection,
    broadcaster,
    sweep: () => sweeper.sweep(),
    /** A session that ends takes the floor back from everyone and closes its list. */
    sessionEnded: (sessionId: string) => safely("session-ended", endWhere(`"sessionId" = $1::uuid`, [sessionId], "session-ended")),
    /** Someone removed from the session's staff loses the floor they hold there. */
    staffRemoved: (sessionId: string, userId: string) => safely("role-removed", endWhere(`"sessionId" = $1::uuid AND "userId" = $2::uuid AND status = 'GRANTED'`, [sessionId, userId], "role-removed")),
    /** Logging out ends the grants the person holds. */
    loggedOut: (userId: string) => safely("logged-out", endWhere(`"userId" = $1::uuid AND status = 'GRANTED'`, [userId], "logged-out")),
    close: () => sweeper.close(),
  };
}
