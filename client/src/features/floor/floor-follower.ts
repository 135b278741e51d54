import {
  FLOOR_EVENTS,
  type AckCallback,
  type FloorClientToServerEvents,
  type TErrorCode,
  type TFloorList,
  type TFloorMessage,
  type TFloorSettings,
  type TFloorSnapshot,
  type TFloorState,
  type TLanguage,
  type TMyFloor,
} from "@plenary/shared";
import { ACK_TIMEOUT_MS } from "../../lib/socket.ts";
import { ClockOffset } from "./floor-timer.ts";
import { moveTo } from "./speakers-list.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** The socket surface the follower uses; the tab's shared socket and the presenter's satisfy it. */
export interface FloorSocketLike {
  connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** An ack's error code, or NETWORK when no answer came back in time. */
export type FloorErrorCode = TErrorCode | "NETWORK";
/** An acknowledgement, or NETWORK when none came back in time (every floor request is idempotent). */
export type FloorAck<T> = { data: T } | { error: { code: FloorErrorCode; message: string } };

/** What a page follows of a session's floor. */
export interface FloorView {
  connected: boolean;
  /** The first sync has answered (with the state, or a problem). */
  synced: boolean;
  state?: TFloorState;
  /** The speakers' list with names and topics: the chair only. */
  list?: TFloorList;
  /** This person's latest request in the session; null when they have never asked. */
  mine: TMyFloor | null;
  /** A session speaker may take the floor without asking (until the chair takes it back). */
  canTake: boolean;
  canChair: boolean;
  /** Why there is no state: the sync was refused, or no answer came. */
  problem?: FloorErrorCode;
  /** Milliseconds to add to the local clock to read the server's: every timer counts from it. */
  offsetMs: number;
  /** The chair's messages to this person, oldest first. */
  messages: readonly TFloorMessage[];
}

type Events = FloorClientToServerEvents;
type Payload<E extends keyof Events> = Parameters<Events[E]>[0];
type Result<E extends keyof Events> = Parameters<Events[E]>[1] extends AckCallback<infer R> ? R : never;

const NO_ANSWER = { error: { code: "NETWORK", message: "No answer from the server." } } as const;
const KEEP_MESSAGES = 20;

const TERMINAL: readonly TMyFloor["status"][] = ["WITHDRAWN", "DECLINED", "ENDED"];
const rank = (status: TMyFloor["status"]) => (status === "QUEUED" ? 0 : status === "GRANTED" ? 1 : 2);
/** The chair took the floor back from this request: the server lets its speaker ask, not take. */
const heldBack = (mine: TMyFloor | null | undefined) => mine?.status === "ENDED" && mine.endReason === "revoked";

/**
 * The newer of two views of one's own request. A request only moves forward (queued, granted,
 * ended), so an answer that arrives late for the same request never undoes a later push; a
 * different request is the newer one (a person has one open request at a time).
 */
export function newerMine(current: TMyFloor | null | undefined, next: TMyFloor): TMyFloor {
  if (!current || current.requestId !== next.requestId) return next;
  return rank(next.status) < rank(current.status) ? current : next;
}

/** The newer of two states by sequence; an equal one replaces (it carries a fresher clock). */
export function newerState<S extends { seq: number }>(current: S | undefined, next: S): S {
  return !current || next.seq >= current.seq ? next : current;
}

/**
 * Follows one session's floor over a socket, outside React: syncs on every (re)connection, keeps
 * the newest state by sequence and the server's clock offset, the person's own request, the chair's
 * list, and the chair's messages. Every action is acknowledged (or times out as NETWORK) and its
 * answer is applied at once, before any broadcast of it arrives.
 */
export class FloorFollower extends ViewStore<FloorView> {
  private readonly clock = new ClockOffset();
  /** canTake was lowered because the chair took the floor back; the server decides when it returns. */
  private takeHeldBack = false;

  constructor(
    private readonly socket: FloorSocketLike,
    private readonly sessionId: string,
    private readonly now: () => number = Date.now,
  ) {
    super({ connected: socket.connected, synced: false, mine: null, canTake: false, canChair: false, offsetMs: 0, messages: [] });
  }

  start(): void {
    const s = this.socket;
    s.on("connect", this.onConnect);
    s.on("disconnect", this.onDisconnect);
    s.on(FLOOR_EVENTS.changed, this.onState);
    s.on(FLOOR_EVENTS.listChanged, this.onList);
    s.on(FLOOR_EVENTS.mineChanged, this.onMine);
    s.on(FLOOR_EVENTS.messagePosted, this.onMessage);
    if (s.connected) this.onConnect();
  }

  /** Stops following; `leave` also tells the server (not on the presenter namespace, which has no leave). */
  stop({ leave = true }: { leave?: boolean } = {}): void {
    const s = this.socket;
    s.off("connect", this.onConnect);
    s.off("disconnect", this.onDisconnect);
    s.off(FLOOR_EVENTS.changed, this.onState);
    s.off(FLOOR_EVENTS.listChanged, this.onList);
    s.off(FLOOR_EVENTS.mineChanged, this.onMine);
    s.off(FLOOR_EVENTS.messagePosted, this.onMessage);
    this.forgetListeners();
    if (leave && s.connected) void this.send(FLOOR_EVENTS.leave, { sessionId: this.sessionId });
  }

  /** Sends one acknowledged request; a missing answer becomes a NETWORK error. */
  async send<E extends keyof Events>(event: E, payload: Payload<E>): Promise<FloorAck<Result<E>>> {
    try {
      return (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as FloorAck<Result<E>>;
    } catch {
      return NO_ANSWER; // socket.io's timeout: the request may still arrive, and repeating it is harmless
    }
  }

  /** Asks the server for everything afresh (after a reconnection, or when the local view may be stale). */
  async sync(): Promise<void> {
    const ack = await this.send(FLOOR_EVENTS.sync, { sessionId: this.sessionId });
    if ("error" in ack) return this.set({ problem: ack.error.code, synced: true });
    this.applySnapshot(ack.data, this.now());
  }

  // The participant's own request.

  /** Raises a hand in `language`, with an optional topic; asking again keeps one's place. */
  request(language: TLanguage, topic?: string) {
    return this.own(FLOOR_EVENTS.request, { sessionId: this.sessionId, language, ...(topic ? { topic } : {}) });
  }
  withdraw() {
    return this.own(FLOOR_EVENTS.withdraw, { sessionId: this.sessionId });
  }
  /** A session speaker takes the floor, speaking `language`. */
  take(language: TLanguage) {
    return this.own(FLOOR_EVENTS.take, { sessionId: this.sessionId, language });
  }
  yieldFloor() {
    return this.own(FLOOR_EVENTS.yield, { sessionId: this.sessionId });
  }

  // The chair.

  grant(requestId: string) {
    return this.chair(FLOOR_EVENTS.grant, { sessionId: this.sessionId, requestId });
  }
  revoke(requestId: string) {
    return this.chair(FLOOR_EVENTS.revoke, { sessionId: this.sessionId, requestId });
  }
  decline(requestId: string, reason?: string) {
    return this.chair(FLOOR_EVENTS.decline, { sessionId: this.sessionId, requestId, ...(reason ? { reason } : {}) });
  }
  add(input: { email: string; language: TLanguage; topic?: string }) {
    return this.chair(FLOOR_EVENTS.add, { sessionId: this.sessionId, email: input.email, language: input.language, ...(input.topic ? { topic: input.topic } : {}) });
  }
  extend(requestId: string, seconds: number) {
    return this.chair(FLOOR_EVENTS.extend, { sessionId: this.sessionId, requestId, seconds });
  }
  mute(requestId: string, muted: boolean) {
    return this.chair(FLOOR_EVENTS.mute, { sessionId: this.sessionId, requestId, muted });
  }
  settings(settings: Partial<TFloorSettings>) {
    return this.chair(FLOOR_EVENTS.settings, { sessionId: this.sessionId, ...settings });
  }
  message(requestId: string, text: string) {
    return this.send(FLOOR_EVENTS.message, { sessionId: this.sessionId, requestId, text });
  }

  /**
   * Moves a waiting request to `index`. The list moves here at once, so a chair pressing a key
   * several times sees each step; the answer (or, on a refusal, a fresh sync) then settles it.
   */
  async reorder(requestId: string, index: number): Promise<FloorAck<TFloorList>> {
    const list = this.view.list;
    const entry = list?.entries.find((e) => e.requestId === requestId);
    if (list && entry) {
      this.set({ list: { ...list, entries: moveTo(list.entries, entry, index), queue: moveTo(list.queue, requestId, index) } });
    }
    const ack = await this.chair(FLOOR_EVENTS.reorder, { sessionId: this.sessionId, requestId, index });
    if ("error" in ack) await this.sync();
    return ack;
  }

  private async own<E extends typeof FLOOR_EVENTS.request | typeof FLOOR_EVENTS.withdraw | typeof FLOOR_EVENTS.take | typeof FLOOR_EVENTS.yield>(
    event: E,
    payload: Payload<E>,
  ): Promise<FloorAck<TMyFloor>> {
    const ack = (await this.send(event, payload)) as FloorAck<TMyFloor>;
    if ("data" in ack) this.onMine(ack.data);
    return ack;
  }

  private async chair<E extends Exclude<keyof Events, typeof FLOOR_EVENTS.sync | typeof FLOOR_EVENTS.leave | typeof FLOOR_EVENTS.message>>(
    event: E,
    payload: Payload<E>,
  ): Promise<FloorAck<TFloorList>> {
    const ack = (await this.send(event, payload)) as FloorAck<TFloorList>;
    if ("data" in ack) this.applyList(ack.data, this.now());
    return ack;
  }

  private applySnapshot(snapshot: TFloorSnapshot, receivedAt: number): void {
    this.takeHeldBack = !snapshot.canTake && heldBack(snapshot.mine);
    this.applyState(snapshot.state, receivedAt);
    if (snapshot.list) this.applyList(snapshot.list, receivedAt);
    this.set({
      problem: undefined,
      synced: true,
      canTake: snapshot.canTake,
      canChair: snapshot.canChair,
      mine: snapshot.mine ? newerMine(this.view.mine, snapshot.mine) : this.view.mine,
      ...(snapshot.canChair ? {} : { list: undefined }),
    });
  }

  private applyState(state: TFloorState, receivedAt: number): void {
    if (state.sessionId !== this.sessionId) return;
    this.clock.add(state.serverNow, receivedAt);
    this.set({ state: newerState(this.view.state, state), offsetMs: this.clock.ms });
  }

  private applyList(list: TFloorList, receivedAt: number): void {
    if (list.sessionId !== this.sessionId) return;
    const { entries: _entries, ...state } = list;
    this.applyState(state, receivedAt);
    this.set({ list: newerState(this.view.list, list) });
  }

  private readonly onConnect = () => {
    this.set({ connected: true });
    void this.sync();
  };

  private readonly onDisconnect = () => this.set({ connected: false });

  private readonly onState = (state: TFloorState) => this.applyState(state, this.now());

  private readonly onList = (list: TFloorList) => this.applyList(list, this.now());

  private readonly onMine = (mine: TMyFloor) => {
    if (mine.sessionId !== this.sessionId) return;
    const next = newerMine(this.view.mine, mine);
    if (next === this.view.mine) return;
    if (heldBack(next)) {
      this.takeHeldBack = true;
      return this.set({ mine: next, canTake: false });
    }
    this.set({ mine: next });
    // A speaker who asked again after being stopped and has finished may take the floor again.
    if (this.takeHeldBack && TERMINAL.includes(next.status)) void this.sync();
  };

  private readonly onMessage = (message: TFloorMessage) => {
    if (message.sessionId !== this.sessionId) return;
    this.set({ messages: [...this.view.messages, message].slice(-KEEP_MESSAGES) });
  };
}
