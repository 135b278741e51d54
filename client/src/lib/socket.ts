import { type ClientToServerEvents, SOCKET_EVENTS, type ServerToClientEvents, type TSession } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";

/** The typed Socket.IO client for the shared event contract. */
export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same-origin socket, authenticated by the session cookie. */
export const createSocket = (): PlenarySocket => io({ path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });

/** A use of the tab's shared socket; `release` when done (idempotent). */
export interface SocketLease {
  socket: PlenarySocket;
  release(): void;
}

let shared: { socket: PlenarySocket; users: number } | undefined;

/**
 * The tab's one socket to the api, shared by every feature on the page (session updates, Q&A):
 * one connection per participant instead of one per feature, which is what the server's memory
 * per participant is measured in. It closes when the last user releases it.
 */
export function acquireSocket(): SocketLease {
  const entry = (shared ??= { socket: createSocket(), users: 0 });
  entry.users++;
  let released = false;
  return {
    socket: entry.socket,
    release() {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      entry.socket.disconnect();
      if (shared === entry) shared = undefined;
    },
  };
}

/**
 * After signing in: the server closes a login's sockets when it logs out, and socket.io does not
 * reconnect by itself after that, so the tab's socket comes back here with the new cookie.
 */
export function reconnectSharedSocket(): void {
  if (shared && !shared.socket.connected) shared.socket.connect();
}

const ACK_TIMEOUT_MS = 5000;

/** Callbacks for {@link followSession}. */
export interface FollowSessionHandlers {
  /** A newer version of the session (status changes, edits). */
  onUpdate(session: TSession): void;
  /** Whether updates are currently being received; false means the caller should poll. */
  onFollowing(following: boolean): void;
}

/**
 * Joins a session's live channel and reports `session:updated` broadcasts for it, rejoining after
 * every reconnection. If the api refuses (e.g. an attendee before the session opens) or the socket
 * is down, `onFollowing(false)` tells the caller to fall back to polling.
 * Returns a function that stops following (and releases the shared socket).
 */
export function followSession(sessionId: string, handlers: FollowSessionHandlers): () => void {
  const lease = acquireSocket();
  const { socket } = lease;
  const join = () => {
    socket.timeout(ACK_TIMEOUT_MS).emit(SOCKET_EVENTS.sessionJoin, { sessionId }, (err, response) => {
      if (err || "error" in response) return handlers.onFollowing(false);
      handlers.onUpdate(response.data.session);
      handlers.onFollowing(true);
    });
  };
  const onUpdated = ({ session }: { session: TSession }) => {
    if (session.id === sessionId) handlers.onUpdate(session);
  };
  const onDown = () => handlers.onFollowing(false);

  socket.on("connect", join);
  socket.on("disconnect", onDown);
  socket.on("connect_error", onDown);
  socket.on(SOCKET_EVENTS.sessionUpdated, onUpdated);
  if (socket.connected) join();

  return () => {
    socket.off("connect", join);
    socket.off("disconnect", onDown);
    socket.off("connect_error", onDown);
    socket.off(SOCKET_EVENTS.sessionUpdated, onUpdated);
    if (socket.connected) socket.emit(SOCKET_EVENTS.sessionLeave, { sessionId }, () => undefined);
    lease.release();
  };
}
