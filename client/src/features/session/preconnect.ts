import type { TJoinRole } from "@plenary/shared";
import type { Room, RoomOptions } from "livekit-client";
import { type RawResponse, sendApi } from "../../lib/http.ts";

// This module is imported by the page's first script (early-join.ts), before React, the router,
// zod and i18n have loaded: it must stay free of them. Responses are kept raw here and checked
// against the contract by whoever takes them (useJoinSession, useLiveSession).

// Listeners only receive: adaptive stream sizes video to the element, dynacast pauses unused layers.
// The pinned livekit-server (v1.11) has no single-peer-connection signalling; trying it first and
// falling back costs every join an extra signalling round trip.
export const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true, singlePeerConnection: false };

/** The token response and, when it granted access, a room already connecting with it. */
export interface PreparedJoin {
  response: RawResponse;
  room?: Room;
}

// Entries live until the page takes them; one nobody takes (the user left at once) is
// disconnected so it does not linger in the room as a ghost listener.
const UNCLAIMED_TTL_MS = 30_000;
const joins = new Map<string, Promise<PreparedJoin>>();
const sessions = new Map<string, Promise<RawResponse>>();

const connectable = (body: unknown): body is { serverUrl: string; token: string } =>
  typeof body === "object" && body !== null && typeof (body as { serverUrl?: unknown }).serverUrl === "string" && typeof (body as { token?: unknown }).token === "string";

/**
 * Starts everything a session page needs, as early as possible and in parallel: the session, a
 * token, the LiveKit client code and the room connection itself. Called by the page's first script
 * and again by the route loader (a no-op when already started). This is what keeps
 * "open the page → hear the floor" short (bench/join-time.ts).
 */
export function prepareJoin(sessionId: string, role: TJoinRole): void {
  const key = `${sessionId}:${role}`;
  if (!joins.has(key)) {
    const path = `/sessions/${encodeURIComponent(sessionId)}/token`;
    const token = sendApi(path, { method: "POST", body: { role } }).then((response) => (performance.mark("plenary:token"), response));
    const client = import("livekit-client").then((lk) => (performance.mark("plenary:livekit-loaded"), lk));
    const prepared = token.then(async (response): Promise<PreparedJoin> => {
      // Only a granted token is worth connecting with; refusals are read by the page.
      if (!response.ok || !connectable(response.body)) return { response };
      const { serverUrl, token: jwt } = response.body;
      const lk = await client;
      const room = new lk.Room(ROOM_OPTIONS);
      // User-timing marks make the join's stages visible in DevTools and to bench/join-time.ts.
      room.once(lk.RoomEvent.SignalConnected, () => performance.mark("plenary:signal-connected"));
      room.once(lk.RoomEvent.Connected, () => performance.mark("plenary:room-connected"));
      room.once(lk.RoomEvent.TrackSubscribed, () => performance.mark("plenary:first-track"));
      // Failures surface through the room's state and the page's error handling once it is taken.
      performance.mark("plenary:connect-start");
      room.connect(serverUrl, jwt).catch(() => undefined);
      return { response, room };
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
    const session = sendApi(`/sessions/${encodeURIComponent(sessionId)}`);
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

/** The session response fetched at navigation time, if any (taken once; later loads fetch afresh). */
export function takePreparedSession(sessionId: string): Promise<RawResponse> | undefined {
  const session = sessions.get(sessionId);
  sessions.delete(sessionId);
  return session;
}
