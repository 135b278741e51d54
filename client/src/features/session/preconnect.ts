import type { TConnectionDetails, TJoinRole, TSession } from "@plenary/shared";
import type { Room, RoomOptions } from "livekit-client";
import { fetchSession, requestToken } from "./api.ts";

// Listeners only receive: adaptive stream sizes video to the element, dynacast pauses unused layers.
// The pinned livekit-server (v1.11) has no single-peer-connection signalling; trying it first and
// falling back costs every join an extra signalling round trip.
export const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true, singlePeerConnection: false };

/** A token and, when it could be started early, a room already connecting with it. */
export interface PreparedJoin {
  details: TConnectionDetails;
  room?: Room;
}

// Entries live until the page takes them; one nobody takes (the user left at once) is
// disconnected so it does not linger in the room as a ghost listener.
const UNCLAIMED_TTL_MS = 30_000;
const joins = new Map<string, Promise<PreparedJoin>>();
const sessions = new Map<string, Promise<TSession>>();

/**
 * Starts everything a session page needs at navigation time, before React renders it: the
 * session, a token, the LiveKit client code and the room connection itself, all in parallel.
 * This is what keeps "open the page → hear the floor" short (bench/join-time.ts).
 */
export function prepareJoin(sessionId: string, role: TJoinRole): void {
  const key = `${sessionId}:${role}`;
  if (!joins.has(key)) {
    const token = requestToken(sessionId, role).then((details) => (performance.mark("plenary:token"), details));
    const client = import("livekit-client").then((lk) => (performance.mark("plenary:livekit-loaded"), lk));
    const prepared = Promise.all([token, client]).then(([details, lk]) => {
      const room = new lk.Room(ROOM_OPTIONS);
      // User-timing marks make the join's stages visible in DevTools and to bench/join-time.ts.
      room.once(lk.RoomEvent.Connected, () => performance.mark("plenary:room-connected"));
      room.once(lk.RoomEvent.TrackSubscribed, () => performance.mark("plenary:first-track"));
      // Failures surface through the room's state and the page's error handling once it is taken.
      room.connect(details.serverUrl, details.token).catch(() => undefined);
      return { details, room };
    });
    prepared.catch(() => undefined);
    joins.set(key, prepared);
    setTimeout(() => {
      if (joins.get(key) !== prepared) return;
      joins.delete(key);
      void prepared.then(({ room }) => room?.disconnect(), () => undefined);
    }, UNCLAIMED_TTL_MS);
  }
  if (!sessions.has(sessionId)) {
    const session = fetchSession(sessionId);
    session.catch(() => undefined);
    sessions.set(sessionId, session);
  }
}

/** The prepared join for this page, if any; the caller now owns its room (and must disconnect it). */
export function takePreparedJoin(sessionId: string, role: TJoinRole): Promise<PreparedJoin> | undefined {
  const key = `${sessionId}:${role}`;
  const prepared = joins.get(key);
  joins.delete(key);
  return prepared;
}

/** The session fetched at navigation time, if any (taken once; later loads fetch afresh). */
export function takePreparedSession(sessionId: string): Promise<TSession> | undefined {
  const session = sessions.get(sessionId);
  sessions.delete(sessionId);
  return session;
}
