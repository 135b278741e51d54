import {
  followQa,
  type Ack,
  type AckCallback,
  type ClientToServerEvents,
  type QaFollower,
  type QaSocket,
  type QaState,
  type TQuestion,
} from "@plenary/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QaErrorCode } from "./qa-format.ts";

/** A socket to follow Q&A on, and how to give it back when the page is done with it. */
export interface QaSocketLease {
  socket: QaSocket;
  release(): void;
}

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Result<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer R> ? R : never;
/** An ack, or NETWORK when none came back in time (the request may still arrive: retries are idempotent). */
export type QaAck<T> = { data: T } | { error: { code: QaErrorCode; message: string } };

const ACK_TIMEOUT_MS = 8000;

/** What a Q&A view needs: the state, why it is missing, whether it is live, and a way to send. */
export interface QaFollowerHandle<Q extends TQuestion> {
  state: QaState<Q> | undefined;
  /** Why there is no (fresh) state: the sync was refused or the socket could not connect. */
  problem: QaErrorCode | undefined;
  connected: boolean;
  send<E extends keyof ClientToServerEvents>(event: E, payload: Payload<E>): Promise<QaAck<Result<E>>>;
  update(change: (state: QaState<Q>) => QaState<Q>): void;
}

/** The `send` of a follower handle, for components that only send. */
export type QaSend = QaFollowerHandle<TQuestion>["send"];

const problemOf = (err: Error): QaErrorCode =>
  err.message === "UNAUTHENTICATED" || err.message === "FORBIDDEN" ? err.message : "NETWORK";

/**
 * Follows one session's Q&A over a socket made by `open` (stable across renders): the shared
 * follower (@plenary/shared followQa) does the seq bookkeeping; this hook only mirrors it into React.
 */
export function useQaFollower<Q extends TQuestion = TQuestion>(sessionId: string, open: () => QaSocketLease): QaFollowerHandle<Q> {
  const [state, setState] = useState<QaState<Q>>();
  const [problem, setProblem] = useState<QaErrorCode>();
  const [connected, setConnected] = useState(false);
  const socket = useRef<QaSocket>(undefined);
  const follower = useRef<QaFollower<Q>>(undefined);

  useEffect(() => {
    const lease = open();
    const s = lease.socket;
    socket.current = s;
    setState(undefined);
    follower.current = followQa<Q>(s, {
      sessionId,
      onState: (next) => {
        setState(next);
        setProblem(undefined);
      },
      onError: (error) => setProblem(error.code),
    });
    const onConnect = () => setConnected(true);
    const onDisconnect = () => setConnected(false);
    const onConnectError = (err: Error) => setProblem(problemOf(err));
    s.on("connect", onConnect);
    s.on("disconnect", onDisconnect);
    s.on("connect_error", onConnectError);
    if (s.connected) onConnect();
    return () => {
      follower.current?.stop();
      s.off("connect", onConnect);
      s.off("disconnect", onDisconnect);
      s.off("connect_error", onConnectError);
      lease.release();
    };
  }, [sessionId, open]);

  const send = useCallback(
    <E extends keyof ClientToServerEvents>(event: E, payload: Payload<E>) =>
      new Promise<QaAck<Result<E>>>((resolve) => {
        const timer = setTimeout(() => resolve({ error: { code: "NETWORK", message: "No answer from the server." } }), ACK_TIMEOUT_MS);
        const onAck = (ack: Ack<Result<E>>) => {
          clearTimeout(timer);
          resolve(ack);
        };
        // TypeScript cannot tie a generic event to its own payload and ack; Payload and Result do.
        socket.current?.emit(event, ...([payload, onAck] as Parameters<ClientToServerEvents[E]>));
      }),
    [],
  );
  const update = useCallback((change: (s: QaState<Q>) => QaState<Q>) => follower.current?.update(change), []);

  return { state, problem, connected, send, update };
}
