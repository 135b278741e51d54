import type {
  Ack,
  AckCallback,
  ClientToServerEvents,
  TBoothChatMessage,
  TBoothsState,
  TChannel,
  TErrorCode,
  TInterpretationSnapshot,
  TInterpretationState,
  TSlowDownSignal,
} from "@plenary/shared";
import { newerState } from "./channels.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** The socket surface the follower uses; the tab's shared Socket.IO client satisfies it. */
export interface InterpretationSocketLike {
  connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/** What a page follows: the public state, the booths (staff only), signals and booth chat. */
export interface InterpretationView {
  state?: TInterpretationState;
  booths?: TBoothsState;
  /** Why there is no state: the sync was refused, or no answer came. */
  problem?: TErrorCode | "NETWORK";
  connected: boolean;
  slowDowns: readonly TSlowDownSignal[];
  chat: readonly TBoothChatMessage[];
}

/** An acknowledgement, or NETWORK when none came back in time. */
export type InterpretationAck<T> = { data: T } | { error: { code: TErrorCode | "NETWORK"; message: string } };

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Result<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer R> ? R : never;

const ACK_TIMEOUT_MS = 8000;
const KEEP_SIGNALS = 5;
const KEEP_CHAT = 100;

/**
 * Follows one session's interpretation over a socket, outside React: syncs on every (re)connection,
 * keeps the newest state by sequence, and re-selects the listener's channel after a reconnection
 * (the server counts listeners per socket). Every request is acknowledged or times out as NETWORK.
 */
export class InterpretationFollower extends ViewStore<InterpretationView> {
  private selected: TChannel | undefined;

  constructor(
    private readonly socket: InterpretationSocketLike,
    private readonly sessionId: string,
    /** True for the booth console: the only page that puts an interpreter in their booth. */
    private readonly isConsole = false,
  ) {
    super({ connected: socket.connected, slowDowns: [], chat: [] });
  }

  start(): void {
    const s = this.socket;
    s.on("connect", this.onConnect);
    s.on("disconnect", this.onDisconnect);
    s.on("interpretation:state-changed", this.onState);
    s.on("interpretation:booths-changed", this.onBooths);
    s.on("interpretation:slow-down-requested", this.onSlowDown);
    s.on("interpretation:chat-posted", this.onChat);
    if (s.connected) this.onConnect();
  }

  stop(): void {
    const s = this.socket;
    s.off("connect", this.onConnect);
    s.off("disconnect", this.onDisconnect);
    s.off("interpretation:state-changed", this.onState);
    s.off("interpretation:booths-changed", this.onBooths);
    s.off("interpretation:slow-down-requested", this.onSlowDown);
    s.off("interpretation:chat-posted", this.onChat);
    this.forgetListeners();
  }

  /** Sends one acknowledged request; a missing answer becomes a NETWORK error. */
  send<E extends keyof ClientToServerEvents>(event: E, payload: Payload<E>): Promise<InterpretationAck<Result<E>>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ error: { code: "NETWORK", message: "No answer from the server." } }), ACK_TIMEOUT_MS);
      this.socket.emit(event, payload, (ack: Ack<Result<E>>) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  /** Selects a channel to listen to; the answer carries the state to play from. */
  async select(channel: TChannel): Promise<InterpretationAck<Result<"interpretation:select">>> {
    this.selected = channel;
    const ack = await this.send("interpretation:select", { sessionId: this.sessionId, channel });
    if ("data" in ack) this.onState(ack.data.state);
    return ack;
  }

  /** Applies a booth change's answer at once (the push to this socket may come later). */
  acceptBooths(booths: TBoothsState): void {
    this.onBooths(booths);
  }

  /** A chat message this page sent (the server pushes it only to the partner). */
  addOwnChat(message: TBoothChatMessage): void {
    this.onChat(message);
  }

  private readonly onConnect = () => {
    this.set({ connected: true });
    void this.send("interpretation:sync", { sessionId: this.sessionId, ...(this.isConsole ? { console: true } : {}) }).then((ack) => {
      if ("error" in ack) return this.set({ problem: ack.error.code });
      this.applySnapshot(ack.data);
      if (this.selected) void this.select(this.selected);
    });
  };

  private applySnapshot({ state, booths }: TInterpretationSnapshot): void {
    this.set({
      problem: undefined,
      state: newerState(this.view.state, state),
      ...(booths ? { booths: newerState(this.view.booths, booths) } : {}),
    });
  }

  private readonly onDisconnect = () => this.set({ connected: false });

  private readonly onState = (state: TInterpretationState) => {
    if (state.sessionId !== this.sessionId) return;
    const next = newerState(this.view.state, state);
    if (next !== this.view.state) this.set({ state: next });
  };

  private readonly onBooths = (booths: TBoothsState) => {
    if (booths.sessionId !== this.sessionId) return;
    // Audience counts arrive with the same sequence, so equal sequences replace too.
    const next = newerState(this.view.booths, booths);
    this.set({ booths: next, state: newerState(this.view.state, { sessionId: next.sessionId, seq: next.seq, floorLanguage: next.floorLanguage, channels: next.channels }) });
  };

  private readonly onSlowDown = (signal: TSlowDownSignal) => {
    if (signal.sessionId !== this.sessionId) return;
    this.set({ slowDowns: [signal, ...this.view.slowDowns].slice(0, KEEP_SIGNALS) });
  };

  private readonly onChat = (message: TBoothChatMessage) => {
    if (message.sessionId !== this.sessionId) return;
    this.set({ chat: [...this.view.chat, message].slice(-KEEP_CHAT) });
  };
}
