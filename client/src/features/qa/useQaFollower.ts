import { followQa, type Ack, type AckCallback, type ClientToServerEvents, type QaFollower, type QaState, type TQuestion } from "@plenary/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { useServices } from "../../app/services.ts";
import { ACK_TIMEOUT_MS, type PlenarySocket, type SocketLease } from "../../lib/socket.ts";
import type { QaErrorCode } from "./qa-format.ts";


type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Result<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer R> ? R : never;
/** An ack, or NETWORK when none came back in time (the request may still arrive: retries are idempotent). */
export type QaAck<T> = { data: T } | { error: { code: QaErrorCode; message: string } };

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

const NO_ANSWER = { error: { code: "NETWORK", message: "No answer from the server." } } as const;

/** Typed emits cannot name a generic event's payload; the contract checks it at the call site of `send`. */
type AckEmitter = { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };

/**
 * Follows one session's Q&A over the tab's shared socket, or one made by `open` (stable across
 * renders): the shared follower (@plenary/shared followQa) does the seq bookkeeping; this hook only
 * mirrors it into React.
 */
export function useQaFollower<Q extends TQuestion = TQuestion>(sessionId: string, open?: () => SocketLease): QaFollowerHandle<Q> {
  // Keyed by session, so a new session starts with no state without resetting it inside the effect.
  const [held, setState] = useState<{ sessionId: string; state: QaState<Q> }>();
  const state = held?.sessionId === sessionId ? held.state : undefined;
  const [problem, setProblem] = useState<QaErrorCode>();
  const [connected, setConnected] = useState(false);
  const socket = useRef<PlenarySocket>(undefined);
  const follower = useRef<QaFollower<Q>>(undefined);
  const { sockets } = useServices();
  const openSocket = open ?? sockets.acquire;

  useEffect(() => {
    const lease = openSocket();
    const s = lease.socket;
    socket.current = s;
    follower.current = followQa<Q>(s, {
      sessionId,
      onState: (next) => {
        setState({ sessionId, state: next });
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
  }, [sessionId, openSocket]);

  const send = useCallback(async <E extends keyof ClientToServerEvents>(event: E, payload: Payload<E>): Promise<QaAck<Result<E>>> => {
    const s = socket.current;
    if (!s) return NO_ANSWER;
    try {
      return (await (s.timeout(ACK_TIMEOUT_MS) as unknown as AckEmitter).emitWithAck(event, payload)) as QaAck<Result<E>>;
    } catch {
      return NO_ANSWER; // socket.io's timeout: the request may still arrive (retries are idempotent)
    }
  }, []);
  const update = useCallback((change: (s: QaState<Q>) => QaState<Q>) => follower.current?.update(change), []);

  return { state, problem, connected, send, update };
}
