import type { ListenClientToServerEvents, ListenServerToClientEvents, TChannel, TErrorCode, TInterpretationState } from "@plenary/shared";
import type { Socket } from "socket.io-client";

/**
 * A socket that serves the listening side of interpretation: the guest namespace, or the main
 * namespace (which accepts the same two events with the same payloads for signed-in people).
 */
export type ListeningSocket = Socket<ListenServerToClientEvents, ListenClientToServerEvents>;

/** Why the state cannot be followed: the api's refusal, or the socket's (UNAUTHENTICATED for a dead link). */
export type FollowProblem = TErrorCode | "NETWORK";

export interface FollowHandlers {
  onState(state: TInterpretationState): void;
  onProblem(problem: FollowProblem | undefined): void;
}

const ACK_TIMEOUT_MS = 8000;

/**
 * Follows a session's public interpretation state: syncs on every (re)connection, keeps the newest
 * state by seq, and re-selects the listener's channel after a reconnection so they are counted
 * and their listening time recorded again. Returns how to select a channel and how to stop.
 */
export function followInterpretation(socket: ListeningSocket, sessionId: string, handlers: FollowHandlers) {
  let seq = -1;
  let channel: TChannel | undefined;
  const accept = (state: TInterpretationState) => {
    if (state.sessionId !== sessionId || state.seq < seq) return;
    seq = state.seq;
    handlers.onState(state);
  };

  function select(next: TChannel): Promise<void> {
    channel = next;
    return new Promise((resolve) => {
      if (!socket.connected) return resolve();
      socket.timeout(ACK_TIMEOUT_MS).emit("interpretation:select", { sessionId, channel: next }, (err, ack) => {
        if (err) handlers.onProblem("NETWORK");
        else if ("error" in ack) handlers.onProblem(ack.error.code);
        else accept(ack.data.state);
        resolve();
      });
    });
  }

  const sync = () =>
    socket.timeout(ACK_TIMEOUT_MS).emit("interpretation:sync", { sessionId }, (err, ack) => {
      if (err) return handlers.onProblem("NETWORK");
      if ("error" in ack) return handlers.onProblem(ack.error.code);
      handlers.onProblem(undefined);
      accept(ack.data.state);
      if (channel) void select(channel);
    });
  const onConnectError = (err: Error) => handlers.onProblem(err.message === "UNAUTHENTICATED" ? "UNAUTHENTICATED" : "NETWORK");
  // The server closes a guest's socket when its link is revoked or expires.
  const onDisconnect = (reason: Socket.DisconnectReason) => handlers.onProblem(reason === "io server disconnect" ? "UNAUTHENTICATED" : "NETWORK");

  socket.on("connect", sync);
  socket.on("connect_error", onConnectError);
  socket.on("disconnect", onDisconnect);
  socket.on("interpretation:state-changed", accept);
  if (socket.connected) sync();

  return {
    select,
    stop() {
      socket.off("connect", sync);
      socket.off("connect_error", onConnectError);
      socket.off("disconnect", onDisconnect);
      socket.off("interpretation:state-changed", accept);
    },
  };
}
