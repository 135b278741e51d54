import { type TConnectionDetails, type TJoinRole, type TSession, ZConnectionDetails } from "@plenary/shared";
import type { DisconnectReason } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiError, readApiResponse, toApiError } from "../../lib/api.ts";
import type { Room } from "livekit-client";
import { requestToken } from "./api.ts";
import { type PreparedJoin, takePreparedJoin } from "./preconnect.ts";
import { accessGate, autoRetryMs, type BlockReason, blockReasonFor, disconnectOutcome, MAX_REJOIN_ATTEMPTS, rejoinDelayMs } from "./join-flow.ts";

/** Where joining stands. `attempt` changes for every fresh connection (use it as the room's key). */
export type JoinState =
  | { kind: "waiting" }
  | { kind: "fetching" }
  | { kind: "ready"; details: TConnectionDetails; attempt: number; room?: Room }
  | { kind: "rejoining"; inMs: number }
  | { kind: "blocked"; reason: BlockReason; error?: ApiError };

/** The join state and the room callbacks that drive it. */
export interface JoinSession {
  state: JoinState;
  /** Ask for a new token and connect again (a "Try again" button). */
  retry(): void;
  onConnected(): void;
  onDisconnected(reason?: DisconnectReason): void;
  onError(error: Error): void;
}

/** Checks a join started at navigation time against the contract; a room it opened is closed if not. */
async function readPreparedJoin(prepared: Promise<PreparedJoin>): Promise<{ details: TConnectionDetails; room?: Room }> {
  const { response, room } = await prepared;
  try {
    return { details: await readApiResponse(Promise.resolve(response), ZConnectionDetails), room };
  } catch (err) {
    void room?.disconnect();
    throw err;
  }
}

/**
 * Requests a token for the session in `role` and recovers from full disconnects by requesting a
 * new one (never reusing the old), with backoff. Re-requests by itself when the session opens or ends.
 */
export function useJoinSession(sessionId: string, role: TJoinRole, session: TSession | undefined): JoinSession {
  const [state, setState] = useState<JoinState>({ kind: "waiting" });
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);
  // One failure often reports twice (error, then disconnect); only the first schedules a rejoin.
  const rejoinPending = useRef(false);
  const gate = session ? accessGate(role, session.status) : undefined;
  const sessionRef = useRef(session);
  sessionRef.current = session;

  useEffect(() => {
    if (!gate) return;
    const controller = new AbortController();
    setState({ kind: "fetching" });
    // The first attempt uses the join started at navigation time (token + room already connecting).
    const prepared = attempt === 0 ? takePreparedJoin(sessionId, role) : undefined;
    const request = prepared ? readPreparedJoin(prepared) : requestToken(sessionId, role, controller.signal).then((details) => ({ details, room: undefined }));
    request.then(
      ({ details, room }) => {
        if (controller.signal.aborted) return void room?.disconnect();
        setState({ kind: "ready", details, attempt, room });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(err);
        setState({ kind: "blocked", reason: blockReasonFor(error, sessionRef.current), error });
      },
    );
    return () => controller.abort();
  }, [sessionId, role, gate, attempt]);

  useEffect(() => {
    const delay = state.kind === "rejoining" ? state.inMs : state.kind === "blocked" ? autoRetryMs(state.reason) : undefined;
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      rejoinPending.current = false;
      setAttempt((a) => a + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [state]);

  const retry = useCallback(() => {
    failures.current = 0;
    rejoinPending.current = false;
    setAttempt((a) => a + 1);
  }, []);

  const onConnected = useCallback(() => {
    failures.current = 0;
  }, []);

  const rejoinOrGiveUp = useCallback(() => {
    if (rejoinPending.current) return;
    rejoinPending.current = true;
    if (failures.current >= MAX_REJOIN_ATTEMPTS) return setState({ kind: "blocked", reason: "connection-failed" });
    setState({ kind: "rejoining", inMs: rejoinDelayMs(failures.current++) });
  }, []);

  const onDisconnected = useCallback(
    (reason?: DisconnectReason) => {
      const outcome = disconnectOutcome(reason);
      if (outcome.kind === "ignore") return;
      if (outcome.kind === "block") return setState({ kind: "blocked", reason: outcome.reason });
      rejoinOrGiveUp();
    },
    [rejoinOrGiveUp],
  );

  // LiveKit reports room errors (a failed connect, a media call that threw) here; they end this
  // connection, so say which one in the console (bench/join-time.ts JOIN_LOG=1 prints it).
  const onError = useCallback(
    (error: Error) => {
      console.warn("Plenary: leaving the room after an error, will rejoin:", error.message);
      rejoinOrGiveUp();
    },
    [rejoinOrGiveUp],
  );

  return { state, retry, onConnected, onDisconnected, onError };
}
