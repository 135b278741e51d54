import { type ClientToServerEvents, SOCKET_EVENTS, type ServerToClientEvents, type TSession } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";

/** The typed Socket.IO client for the shared event contract. */
export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * How long the client waits for any acknowledgement before treating the request as lost (the
 * request may still arrive: every request is idempotent). Kept client-side; the api has no say.
 */
export const ACK_TIMEOUT_MS = 5000;

/** Options for {@link createSocket}. */
export interface CreateSocketOptions {
  /** A namespace other than the main one (e.g. the read-only presenter namespace). */
  namespace?: string;
  auth?: Record<string, string>;
}

/** A same-origin socket, authenticated by the session cookie (and `auth` when given). */
export const createSocket = ({ namespace, auth }: CreateSocketOptions = {}): PlenarySocket => {
  const options = { path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"], auth };
  return namespace ? io(namespace, options) : io(options);
};

/** A use of the tab's shared socket; `release` when done (idempotent). */
export interface SocketLease {
  socket: PlenarySocket;
  release(): void;
}

/**
 * The tab's one socket to the api, shared by every feature on the page (session updates, Q&A):
 * one connection per participant instead of one per feature, which is what the server's memory
 * per participant is measured in. The app creates one hub at boot and provides it to the features.
 */
export class SocketHub {
  private shared: { socket: PlenarySocket; users: number } | undefined;

  /** `create` opens a connection; tests pass a fake. */
  constructor(private readonly create: () => PlenarySocket = createSocket) {}

  /** The shared socket, opened on first use; it closes when the last user releases it. */
  acquire = (): SocketLease => {
    const entry = (this.shared ??= { socket: this.create(), users: 0 });
    entry.users++;
    let released = false;
    return {
      socket: entry.socket,
      release: () => {
        if (released) return;
        released = true;
        if (--entry.users > 0) return;
        entry.socket.disconnect();
        if (this.shared === entry) this.shared = undefined;
      },
    };
  };

  /**
   * After signing in: the server closes a login's sockets when it logs out, and socket.io does not
   * reconnect by itself after that, so the shared socket comes back here with the new cookie.
   */
  reconnect(): void {
    if (this.shared && !this.shared.socket.connected) this.shared.socket.connect();
  }
}

/** Callbacks for {@link followSession}. */
export interface FollowSessionHandlers {
  /** A newer version of the session (status changes, edits). */
  onUpdate(session: TSession): void;
  /** Whether updates are currently being received; false means the caller should poll. */
  onFollowing(following: boolean): void;
}

/**
 * Joins a session's live channel on the hub's socket and reports `session:updated` broadcasts for
 * it, rejoining after every reconnection. If the api refuses (e.g. an attendee before the session
 * opens) or the socket is down, `onFollowing(false)` tells the caller to fall back to polling.
 * Returns a function that stops following (and releases the shared socket).
 */
export function followSession(hub: SocketHub, sessionId: string, handlers: FollowSessionHandlers): () => void {
  const lease = hub.acquire();
  const { socket } = lease;
  const join = () => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck(SOCKET_EVENTS.sessionJoin, { sessionId })
      .then(
        (response) => {
          if ("error" in response) return handlers.onFollowing(false);
          handlers.onUpdate(response.data.session);
          handlers.onFollowing(true);
        },
        () => handlers.onFollowing(false),
      );
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
