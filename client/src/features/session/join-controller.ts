import { type TConnectionDetails, type TJoinRole, type TJoinView, type TSession, ZConnectionDetails } from "@plenary/shared";
import { type DisconnectReason, type Room, RoomEvent } from "livekit-client";
import { type ApiError, readApiResponse, toApiError } from "../../lib/api.ts";
import type { FloorPlayer } from "./floor-player.ts";
import type { JoinConnector } from "./join-connector.ts";
import { accessGate, autoRetryMs, type BlockReason, blockReasonFor, disconnectOutcome, MAX_REJOIN_ATTEMPTS, rejoinDelayMs } from "./join-flow.ts";

/** Where joining stands. `attempt` changes for every fresh connection (use it as the room's key). */
export type JoinState =
  | { kind: "waiting" }
  | { kind: "fetching" }
  | { kind: "ready"; details: TConnectionDetails; attempt: number; room: Room; floor?: FloorPlayer }
  | { kind: "rejoining"; inMs: number }
  | { kind: "blocked"; reason: BlockReason; error?: ApiError };

/** Options for {@link JoinController}. */
export interface JoinControllerOptions {
  /** Where tokens and rooms come from: the app's JoinConnector, or a fake in tests. */
  connector: Pick<JoinConnector, "join" | "floorPlayer">;
  sessionId: string;
  role: TJoinRole;
  /** The page joining (the session page unless told): each view has its own LiveKit identity. */
  view?: TJoinView;
}

/**
 * Runs one page's join outside React: takes the join prepared at navigation (token and room already
 * on their way) or asks for a fresh one, and recovers from full disconnects with a new token (never
 * the old one) after a backoff. Joins again by itself when the session opens or ends.
 */
export class JoinController {
  private snapshot: JoinState = { kind: "waiting" };
  private readonly listeners = new Set<() => void>();
  /** Set by open() before any join; read to tell "not open yet" from "over". */
  private status: TSession["status"] = "SCHEDULED";
  private gate: string | undefined;
  /** Bumped for every connection and by close(), so late answers for an older one are dropped. */
  private attempt = 0;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private room: { room: Room; detach(): void } | undefined;

  constructor(private readonly options: JoinControllerOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): JoinState => this.snapshot;

  private set(state: JoinState): void {
    this.snapshot = state;
    for (const listener of this.listeners) listener();
  }

  /** The session's current status; joins (again) when it changes who may enter. */
  open(status: TSession["status"]): void {
    this.status = status;
    const gate = accessGate(this.options.role, status);
    if (gate === this.gate) return;
    this.gate = gate;
    void this.connect();
  }

  /** Asks for a new token and connects again (a "Try again" button). */
  retry = (): void => {
    this.failures = 0;
    void this.connect();
  };

  /** Leaves the room and stops every timer; a later open() starts over. */
  close(): void {
    this.attempt++;
    this.gate = undefined;
    this.release();
    this.set({ kind: "waiting" });
  }

  private release(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const current = this.room;
    this.room = undefined;
    current?.detach();
    void current?.room.disconnect();
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    this.release();
    this.set({ kind: "fetching" });
    const pending = this.options.connector.join(this.options.sessionId, this.options.role, this.options.view ?? "session");
    let details: TConnectionDetails;
    try {
      details = await readApiResponse(pending.then((join) => join.response), ZConnectionDetails);
    } catch (err) {
      void pending.then(({ room }) => room?.disconnect(), () => undefined);
      const error = toApiError(err);
      if (attempt === this.attempt) this.block(blockReasonFor(error, { status: this.status }), error);
      return;
    }
    const { room, connected } = await pending;
    if (attempt !== this.attempt) return void room?.disconnect();
    if (!room) return this.block("error");
    const onDisconnected = (reason?: DisconnectReason) => this.onDisconnected(attempt, reason);
    room.on(RoomEvent.Disconnected, onDisconnected);
    this.room = { room, detach: () => void room.off(RoomEvent.Disconnected, onDisconnected) };
    connected?.then(
      () => {
        if (attempt === this.attempt) this.failures = 0;
      },
      (error: unknown) => this.onError(attempt, error),
    );
    this.set({ kind: "ready", details, attempt, room, floor: this.options.connector.floorPlayer(room) });
  }

  private onDisconnected(attempt: number, reason?: DisconnectReason): void {
    if (attempt !== this.attempt) return;
    const outcome = disconnectOutcome(reason);
    if (outcome.kind === "block") this.block(outcome.reason);
    else if (outcome.kind === "rejoin") this.rejoinOrGiveUp(attempt);
  }

  // A connection that fails to open ends this attempt; say why in the console (bench/join-time.ts
  // JOIN_LOG=1 prints it).
  private onError(attempt: number, error: unknown): void {
    if (attempt !== this.attempt) return;
    console.warn("Plenary: leaving the room after an error, will rejoin:", error instanceof Error ? error.message : String(error));
    this.rejoinOrGiveUp(attempt);
  }

  private rejoinOrGiveUp(attempt: number): void {
    // One failure often reports twice (error, then disconnect); only the first schedules a rejoin.
    if (attempt !== this.attempt || this.snapshot.kind !== "ready") return;
    if (this.failures >= MAX_REJOIN_ATTEMPTS) return this.block("connection-failed");
    const inMs = rejoinDelayMs(this.failures++);
    this.release();
    this.set({ kind: "rejoining", inMs });
    this.timer = setTimeout(() => void this.connect(), inMs);
  }

  private block(reason: BlockReason, error?: ApiError): void {
    this.release();
    this.set({ kind: "blocked", reason, error });
    const retryMs = autoRetryMs(reason);
    if (retryMs !== undefined) this.timer = setTimeout(() => void this.connect(), retryMs);
  }
}
