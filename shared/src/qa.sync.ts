import type { TErrorCode } from "./errors.ts";
import { applyEvent, applyMyQuestion, applySnapshot, type QaState, type QaStreamEvent } from "./qa.state.ts";
import { QA_EVENTS, type TQaMyQuestionUpdated, type TQaSnapshot, type TQuestion } from "./qa.types.ts";
import type { Ack } from "./socket.types.ts";

// Socket.IO's own listener type; payloads are typed where the follower registers each listener.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** The few Socket.IO client methods the follower uses, so it runs over any client (browser, Node, tests). */
export interface QaSocketLike {
  connected: boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export interface QaFollowerOptions<Q extends TQuestion> {
  sessionId: string;
  onState(state: QaState<Q>): void;
  /** A sync was refused (e.g. FORBIDDEN once the session ended); the follower stops retrying. */
  onError?(error: { code: TErrorCode; message: string }): void;
}

export interface QaFollower<Q extends TQuestion> {
  readonly state: QaState<Q> | undefined;
  /** Applies a local change (e.g. the caller's own vote after its ack) and reports the new state. */
  update(change: (state: QaState<Q>) => QaState<Q>): void;
  stop(): void;
}

const STREAM: Record<QaStreamEvent["type"], string> = {
  asked: QA_EVENTS.questionAsked,
  updated: QA_EVENTS.questionsUpdated,
  votes: QA_EVENTS.votesChanged,
  mode: QA_EVENTS.modeChanged,
};

/**
 * Follows one session's Q&A over a socket: syncs on every (re)connect with the seq it has, applies
 * broadcasts in seq order, buffers them while a sync is in flight, and resyncs when it sees a gap.
 * The result is the server's state with no gap and no duplicate, across drops and restarts.
 */
export function followQa<Q extends TQuestion = TQuestion>(socket: QaSocketLike, options: QaFollowerOptions<Q>): QaFollower<Q> {
  const { sessionId } = options;
  let state: QaState<Q> | undefined;
  let buffered: QaStreamEvent<Q>[] = [];
  let syncing = 0; // the generation of the sync in flight, 0 when none
  let generation = 0;
  let stopped = false;

  const publish = () => state && options.onState(state);

  const drain = () => {
    const pending = buffered.sort((a, b) => a.payload.seq - b.payload.seq);
    buffered = [];
    for (const event of pending) {
      const { state: next, outcome } = applyEvent(state!, event);
      if (outcome === "gap") {
        buffered = pending.filter((e) => e.payload.seq >= event.payload.seq);
        return sync();
      }
      state = next;
    }
  };

  const sync = () => {
    if (stopped || syncing || !socket.connected) return;
    const mine = (syncing = ++generation);
    socket.emit(QA_EVENTS.sync, { sessionId, sinceSeq: state?.seq }, (ack: Ack<TQaSnapshot<Q>>) => {
      if (mine !== syncing || stopped) return;
      syncing = 0;
      if ("error" in ack) return options.onError?.(ack.error);
      state = applySnapshot(state, ack.data);
      drain();
      publish();
    });
  };

  const onEvent = (type: QaStreamEvent["type"]) => (payload: QaStreamEvent<Q>["payload"]) => {
    if (payload.sessionId !== sessionId) return;
    const event = { type, payload } as QaStreamEvent<Q>;
    if (!state || syncing) return void buffered.push(event);
    const { state: next, outcome } = applyEvent(state, event);
    if (outcome === "gap") {
      buffered.push(event);
      return sync();
    }
    if (outcome === "applied") {
      state = next;
      publish();
    }
  };

  const onMine = ({ question }: TQaMyQuestionUpdated) => {
    // Moderators already get every change, in their fuller view, through the session stream.
    if (!state || state.view === "moderator" || question.sessionId !== sessionId) return;
    state = applyMyQuestion(state, question as Q);
    publish();
  };
  const onDisconnect = () => {
    // An ack in flight is lost with the connection; the next connect syncs again.
    syncing = 0;
  };

  const listeners = Object.entries(STREAM).map(([type, event]) => [event, onEvent(type as QaStreamEvent["type"])] as const);
  for (const [event, listener] of listeners) socket.on(event, listener);
  socket.on(QA_EVENTS.myQuestionUpdated, onMine);
  socket.on("connect", sync);
  socket.on("disconnect", onDisconnect);
  sync();

  return {
    get state() {
      return state;
    },
    update(change) {
      if (!state) return;
      state = change(state);
      publish();
    },
    stop() {
      stopped = true;
      for (const [event, listener] of listeners) socket.off(event, listener);
      socket.off(QA_EVENTS.myQuestionUpdated, onMine);
      socket.off("connect", sync);
      socket.off("disconnect", onDisconnect);
      if (socket.connected) socket.emit(QA_EVENTS.leave, { sessionId }, () => undefined);
    },
  };
}
