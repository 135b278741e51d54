import { FLOOR_EVENTS, roomNameFor, type TFloorList, type TFloorState } from "@plenary/shared";
import type { Logger } from "pino";
import type { InterpretationBroadcaster } from "../interpretation/interpretation.broadcast.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { PresenterNamespace } from "../qa/qa.broadcast.ts";
import { userRoom } from "../realtime/login-rooms.ts";
import type { PlenaryServer } from "../realtime/types.ts";
import type { FloorMediaOp, FloorOutcome } from "./change-floor.ts";
import { loadFloorSession, loadLatest, loadOpen, toList, toMine, toState, type FloorStore } from "./floor.repository.ts";
import { sourcesAfterFloor, trackSources } from "./floor.rules.ts";

/** Everyone following a session's floor (the presenter screen joins the same name in its namespace). */
export const floorRoom = (sessionId: string) => `floor:${sessionId}`;
/** The session's chair: the speakers' list with names and topics. */
export const floorChairRoom = (sessionId: string) => `floor-chair:${sessionId}`;

export interface FloorBroadcaster {
  read(sessionId: string): Promise<{ state: TFloorState; list: TFloorList }>;
  /** Applies the change's media decisions in LiveKit, then tells every audience what it may see. */
  publish(sessionId: string, outcome: FloorOutcome): Promise<{ state: TFloorState; list: TFloorList }>;
  /** Makes LiveKit match a holder's grant again (they rejoined with a fresh token). */
  reapply(sessionId: string, op: FloorMediaOp): Promise<void>;
}

export function createFloorBroadcaster(deps: {
  io: PlenaryServer;
  presenters: PresenterNamespace;
  store: FloorStore;
  livekit: Livekit;
  interpretation: InterpretationBroadcaster;
  logger: Logger;
}): FloorBroadcaster {
  const { io, presenters, store, livekit, interpretation, logger } = deps;

  async function read(sessionId: string) {
    const [session, open] = await Promise.all([loadFloorSession(store.sql, sessionId), loadOpen(store.sql, sessionId)]);
    return { state: toState(sessionId, session, open), list: toList(sessionId, session, open) };
  }

  /**
   * The server-side guarantee: LiveKit lets a holder publish only the grant's sources, and taking
   * the floor back sets them to what the person's join role allows, which unpublishes the rest at
   * the SFU for everyone. A failure is logged; the next sweep re-applies the holders' grants.
   */
  async function apply(sessionId: string, op: FloorMediaOp): Promise<void> {
    const room = roomNameFor(sessionId);
    try {
      if (op.op === "allow") await livekit.allowPublishing(room, op.userId, trackSources(op));
      else if (op.op === "mute") await livekit.muteMicrophones(room, op.userId);
      else {
        const { connected, role } = await livekit.presence(room, op.userId);
        if (connected) await livekit.limitPublishing(room, op.userId, sourcesAfterFloor(role));
      }
    } catch (err) {
      logger.warn({ err, sessionId, userId: op.userId, op: op.op }, "LiveKit did not apply a floor decision");
    }
  }

  return {
    read,
    reapply: apply,
    async publish(sessionId, outcome) {
      if (livekit.enabled) await Promise.all(outcome.media.map((op) => apply(sessionId, op)));
      const { state, list } = await read(sessionId);
      io.to(floorRoom(sessionId)).emit(FLOOR_EVENTS.changed, state);
      presenters.to(floorRoom(sessionId)).emit(FLOOR_EVENTS.changed, state);
      io.to(floorChairRoom(sessionId)).emit(FLOOR_EVENTS.listChanged, list);
      for (const userId of new Set(outcome.notify)) {
        const latest = await loadLatest(store.sql, sessionId, userId);
        if (latest) io.to(userRoom(userId)).emit(FLOOR_EVENTS.mineChanged, toMine(sessionId, latest));
      }
      if (outcome.floorLanguageChanged) await interpretation.publish(sessionId);
      return { state, list };
    },
  };
}
