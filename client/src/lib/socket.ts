import { type ClientToServerEvents, SOCKET_EVENTS, type ServerToClientEvents, type TSession } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";

/** The typed Socket.IO client for the shared event contract. */
export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same-origin socket, authenticated by the session cookie. */
export const createSocket = (): PlenarySocket => io({ path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });

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
 * Returns a function that leaves and closes the socket.
 */
export function followSession(sessionId: string, handlers: FollowSessionHandlers, socket: PlenarySocket = createSocket()): () => void {
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
    socket.disconnect();
  };
}
