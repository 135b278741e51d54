import type { Socket } from "socket.io-client";
import type { TErrorCode } from "./errors.ts";
import { applyEvent, applyMyQuestion, applySnapshot, type QaState, type QaStreamEvent } from "./qa.state.ts";
import type { TQaModeChanged, TQaMyQuestionUpdated, TQaQuestionAsked, TQaQuestionsUpdated, TQaSnapshot, TQaVotesChanged, TQuestion } from "./qa.types.ts";
import { QA_EVENTS, type ClientToServerEvents, type ServerToClientEvents } from "./socket.types.ts";

/** The typed Socket.IO client of the contract, which the follower runs over (browser, Node, tests). */
export type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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

/**
 * Follows one session's Q&A over a socket: syncs on every (re)connect with the seq it has, applies
 * broadcasts in seq order, buffers them while a sync is in flight, and resyncs when it sees a gap.
 * The result is the server's state with no gap and no duplicate, across drops and restarts.
 */
export function followQa<Q extends TQuestion = TQuestion>(socket: QaSocket, options: QaFollowerOptions<Q>): QaFollower<Q> {
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
    socket.emit(QA_EVENTS.sync, { sessionId, sinceSeq: state?.seq }, (ack) => {
      if (mine !== syncing || stopped) return;
      syncing = 0;
      if ("error" in ack) return options.onError?.(ack.error);
      // The server picks the view (moderator or public) from the caller's role, which `Q` names.
      state = applySnapshot(state, ack.data as TQaSnapshot<Q>);
      drain();
      publish();
    });
  };

  const onEvent = (event: QaStreamEvent<Q>) => {
    const { payload } = event;
    if (payload.sessionId !== sessionId) return;
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

  // As with the snapshot, the questions in a broadcast are in the view `Q` names.
  const onAsked = (payload: TQaQuestionAsked) => onEvent({ type: "asked", payload: payload as TQaQuestionAsked<Q> });
  const onUpdated = (payload: TQaQuestionsUpdated) => onEvent({ type: "updated", payload: payload as TQaQuestionsUpdated<Q> });
  const onVotes = (payload: TQaVotesChanged) => onEvent({ type: "votes", payload });
  const onMode = (payload: TQaModeChanged) => onEvent({ type: "mode", payload });
  // One list of listeners, added here and removed by stop().
  const listeners = (method: "on" | "off") => {
    socket[method](QA_EVENTS.questionAsked, onAsked);
    socket[method](QA_EVENTS.questionsUpdated, onUpdated);
    socket[method](QA_EVENTS.votesChanged, onVotes);
    socket[method](QA_EVENTS.modeChanged, onMode);
    socket[method](QA_EVENTS.myQuestionUpdated, onMine);
    socket[method]("connect", sync);
    socket[method]("disconnect", onDisconnect);
  };
  listeners("on");
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
      listeners("off");
      if (socket.connected) socket.emit(QA_EVENTS.leave, { sessionId }, () => undefined);
    },
  };
}
