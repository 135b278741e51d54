import { participantIdentity, roomNameFor, type TBoothsState, type TInterpretationState } from "@plenary/shared";
import type { Logger } from "pino";
import type { Livekit } from "../livekit/livekit.ts";
import type { ListenNamespace, PlenaryServer } from "../realtime/types.ts";
import { boothsState, loadSnapshot, publicState, type InterpretationSnapshot, type InterpretationStore } from "./interpretation.repository.ts";

/** Everyone who follows a session's interpretation state (listeners included), in both namespaces. */
export const interpretationRoom = (sessionId: string) => `interp:${sessionId}`;
/** The chair, the stage operator and the interpreters: they see every booth. */
export const boothsRoom = (sessionId: string) => `interp-staff:${sessionId}`;
/** One booth's interpreters: their chat. */
export const boothRoom = (sessionId: string, language: string) => `booth:${sessionId}:${language}`;
/** Every listener of a session, whatever their channel; counted per channel by socket data, guests included. */
export const listenersRoom = (sessionId: string) => `listen:${sessionId}`;

export interface InterpretationBroadcaster {
  /** Reads the state afresh, enforces it in LiveKit, and pushes it to listeners and staff. */
  publish(sessionId: string): Promise<{ state: TInterpretationState; booths: TBoothsState }>;
  /** Reads the state as it is, without pushing or enforcing anything. */
  read(sessionId: string): Promise<{ state: TInterpretationState; booths: TBoothsState }>;
  /** Pushes new audience counts to staff, at most once per interval per session. */
  countsChanged(sessionId: string): void;
  /** Counts listeners per channel on every api process. */
  countListeners(sessionId: string): Promise<Map<string, number>>;
  close(): void;
}

export function createInterpretationBroadcaster(deps: {
  io: PlenaryServer;
  /** Guest listeners: they join the same room names in their own namespace. */
  guests?: ListenNamespace;
  store: InterpretationStore;
  livekit: Livekit;
  logger: Logger;
  countsIntervalMs?: number;
}): InterpretationBroadcaster {
  const { io, guests, store, livekit, logger } = deps;
  const pending = new Map<string, NodeJS.Timeout>();
  // Set as the api shuts down. Sockets still disconnecting then (a booth console leaving) would
  // publish through a Redis adapter whose clients are closing, and its failed PUBLISH is nobody's
  // promise to catch: nothing is pushed once closed.
  let closed = false;

  async function countListeners(sessionId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    // fetchSockets goes through the adapter, so listeners on other api processes count too.
    const [members, guestSockets] = await Promise.all([io.in(listenersRoom(sessionId)).fetchSockets(), guests?.in(listenersRoom(sessionId)).fetchSockets() ?? []]);
    for (const socket of [...members, ...guestSockets]) {
      const channel = socket.data.listening?.[sessionId];
      if (channel) counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * The server-side guarantee: every interpreter who is not the live voice of their booth has their
   * microphone muted at the SFU, whatever their client does. Listeners also play only the identity
   * the state names, so a client that unmutes itself is still not heard. Both name the booth
   * console's identity: an interpreter's other views (the session page) are never their channel.
   */
  async function enforce(sessionId: string, snap: InterpretationSnapshot): Promise<void> {
    if (!livekit.enabled) return;
    const onAir = new Set(snap.booths.map((b) => b.onAirId).filter(Boolean));
    const offAir = snap.interpreters.filter((i) => !onAir.has(i.userId));
    await Promise.all(
      offAir.map((i) =>
        livekit.muteMicrophones(roomNameFor(sessionId), participantIdentity(i.userId, "interpreter", "booth")).catch((err: unknown) => logger.warn({ err, sessionId, userId: i.userId }, "could not mute an off-air interpreter")),
      ),
    );
  }

  async function read(sessionId: string) {
    const [snap, counts] = await Promise.all([loadSnapshot(store.sql, sessionId), countListeners(sessionId)]);
    return { snap, state: publicState(sessionId, snap), booths: boothsState(sessionId, snap, counts) };
  }

  return {
    countListeners,
    read: (sessionId) => read(sessionId).then(({ state, booths }) => ({ state, booths })),
    async publish(sessionId) {
      const { snap, state, booths } = await read(sessionId);
      if (closed) return { state, booths };
      io.to(interpretationRoom(sessionId)).emit("interpretation:state-changed", state);
      guests?.to(interpretationRoom(sessionId)).emit("interpretation:state-changed", state);
      io.to(boothsRoom(sessionId)).emit("interpretation:booths-changed", booths);
      void enforce(sessionId, snap);
      return { state, booths };
    },
    countsChanged(sessionId) {
      if (closed || pending.has(sessionId)) return;
      pending.set(
        sessionId,
        setTimeout(() => {
          pending.delete(sessionId);
          Promise.all([loadSnapshot(store.sql, sessionId), countListeners(sessionId)])
            .then(([snap, counts]) => void (closed || io.to(boothsRoom(sessionId)).emit("interpretation:booths-changed", boothsState(sessionId, snap, counts))))
            .catch((err: unknown) => logger.warn({ err, sessionId }, "listener counts not pushed"));
        }, deps.countsIntervalMs ?? 500),
      );
    },
    close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
