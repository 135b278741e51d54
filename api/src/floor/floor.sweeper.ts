import { FLOOR_GRACE_SECONDS, roomNameFor, type TFloorEndReason } from "@plenary/shared";
import type { Logger } from "pino";
import type { Livekit } from "../livekit/livekit.ts";
import { NOW_UTC } from "../qa/qa.repository.ts";
import { changeFloor, type FloorOutcome, type SystemFloorChange } from "./change-floor.ts";
import type { FloorBroadcaster } from "./floor.broadcast.ts";
import type { FloorStore } from "./floor.repository.ts";
import { floorNeedsMute, floorNeedsReapply } from "./floor.rules.ts";
import { connectedFloorViews } from "./floor.views.ts";

interface HolderRow {
  id: string;
  sessionId: string;
  userId: string;
  disconnected: boolean;
  camera: boolean;
  screenShare: boolean;
  /** The chair muted them. */
  muted: boolean;
  /** The grace after a drop-out has run out. */
  dropExpired: boolean;
  /** The chair chose automatic take-back and the overtime grace has run out. */
  timeExpired: boolean;
}

/**
 * Watches every grant against the clock and LiveKit's presence, once a second, on every api
 * process: a holder none of whose floor views is in the room is marked (the chair sees it) and
 * loses the floor after the grace period; a holder who came back with a fresh token, or moved to
 * another view, gets their publishing back there; a microphone opened after the chair's mute is
 * muted again at the SFU; the timer takes the floor back when the chair
 * chose that. Each step is a locked, idempotent change, so two
 * processes sweeping at once end in the same state.
 */
export function createFloorSweeper(deps: { store: FloorStore; livekit: Livekit; broadcaster: FloorBroadcaster; logger: Logger; intervalMs?: number }) {
  const { store, livekit, broadcaster, logger } = deps;
  let running = false;

  async function run(sessionId: string, change: SystemFloorChange): Promise<void> {
    const outcome: FloorOutcome = await changeFloor({ store, actor: "system", sessionId, change });
    if (outcome.notify.length > 0 || outcome.media.length > 0) await broadcaster.publish(sessionId, outcome);
  }

  async function sweep(): Promise<void> {
    const holders = await store.sql<HolderRow>(
      `SELECT f.id, f."sessionId", f."userId", f."disconnectedAt" IS NOT NULL AS disconnected, f.camera, f."screenShare", f.muted,
              f."disconnectedAt" < ${NOW_UTC} - make_interval(secs => ${FLOOR_GRACE_SECONDS.disconnected}) AS "dropExpired",
              s."floorAutoRevoke" AND f."endsAt" < ${NOW_UTC} - make_interval(secs => ${FLOOR_GRACE_SECONDS.overtime}) AS "timeExpired"
         FROM "FloorRequest" f JOIN "Session" s ON s.id = f."sessionId"
        WHERE f.status = 'GRANTED'`,
    );
    for (const h of holders) {
      const reason: TFloorEndReason | null = h.dropExpired ? "disconnected" : h.timeExpired ? "timer" : null;
      if (reason) {
        await run(h.sessionId, { kind: "end", requestIds: [h.id], reason });
        continue;
      }
      if (!livekit.enabled) continue;
      // Present while any of their floor views is in the room (a second page of theirs may close).
      const views = await connectedFloorViews(livekit, roomNameFor(h.sessionId), h.userId);
      const connected = views.length > 0;
      if (connected === h.disconnected) await run(h.sessionId, { kind: "presence", requestId: h.id, connected });
      if (floorNeedsReapply(views)) await broadcaster.reapply(h.sessionId, { op: "allow", userId: h.userId, camera: h.camera, screenShare: h.screenShare });
      if (floorNeedsMute(h.muted, views)) await broadcaster.reapply(h.sessionId, { op: "mute", userId: h.userId });
    }
  }

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err: unknown) => logger.warn({ err }, "floor sweep failed"))
      .finally(() => {
        running = false;
      });
  }, deps.intervalMs ?? 1000);
  timer.unref();

  return { sweep, close: () => clearInterval(timer) };
}
