import { FLOOR_EVENTS, roomNameFor, type TFloorList, type TFloorState } from "@plenary/shared";
import type { Logger } from "pino";
import type { InterpretationBroadcaster } from "../interpretation/interpretation.broadcast.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { PresenterNamespace } from "../qa/qa.broadcast.ts";
import { userRoom } from "../realtime/login-rooms.ts";
import type { PlenaryServer } from "../realtime/types.ts";
import type { FloorMediaOp, FloorOutcome } from "./change-floor.ts";
import { loadFloorSession, loadLatest, loadOpen, toList, toMine, toState, type FloorStore } from "./floor.repository.ts";
import { sourcesAfterFloor, trackSources, type FloorView } from "./floor.rules.ts";
import { connectedFloorViews } from "./floor.views.ts";

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
   * The server-side guarantee: LiveKit lets one view of the holder publish the grant's sources (the
   * first connected of their floor views: the speaker view before the session page), and muting or
   * taking the floor back reaches every floor view of the person, each set to what its own join role
   * allows, which unpublishes the rest at the SFU for everyone. A failure is logged; the next sweep
   * re-applies the holders' grants.
   */
  async function apply(sessionId: string, op: FloorMediaOp): Promise<void> {
    const room = roomNameFor(sessionId);
    const limit = (views: readonly FloorView[]) => Promise.all(views.map((v) => livekit.limitPublishing(room, v.identity, sourcesAfterFloor(v.role))));
    try {
      const views = await connectedFloorViews(livekit, room, op.userId);
      if (op.op === "allow") {
        const [holder, ...others] = views;
        if (holder) await livekit.allowPublishing(room, holder.identity, trackSources(op));
        // One view speaks for the person: another that had the floor stops, so nobody is heard twice.
        await limit(others.filter((v) => v.canPublish));
      } else if (op.op === "mute") await Promise.all(views.map((v) => livekit.muteMicrophones(room, v.identity)));
      else await limit(views);
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
