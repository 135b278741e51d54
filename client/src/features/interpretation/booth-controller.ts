import type { TConnectionDetails } from "@plenary/shared";
import { createLocalAudioTrack, DisconnectReason, type LocalAudioTrack, Room, RoomEvent, Track } from "livekit-client";
import { mediaProblem, tokenProblem, type StageProblem } from "../stage/stage-controller.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** Where the booth's connection stands. */
export type BoothConnection = "idle" | "connecting" | "connected" | "error";

/** An immutable view of the booth's media for React (`useSyncExternalStore`). */
export interface BoothMediaSnapshot {
  connection: BoothConnection;
  problem?: StageProblem;
  reconnecting: boolean;
  /** The interpreter's microphone, published from the start and muted while off air. */
  mic?: LocalAudioTrack;
  /** Whether the microphone is sending sound now (on air, open, not coughing). */
  sending: boolean;
}

/** Dependencies, injectable for tests. */
export interface BoothControllerDeps {
  /** Asks the api for a fresh `interpreter` token. */
  fetchDetails(): Promise<TConnectionDetails>;
  createRoom?: () => Room;
  createMicrophone?: () => Promise<LocalAudioTrack>;
}

// Interpreters work on headsets and their voice is the programme: browser voice processing would
// pump the level and cut soft syllables, as a broadcast console would not.
const VOICE = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/**
 * The interpreter's media, outside React: joins the session's room as `interpreter`, publishes the
 * microphone at once but muted, and opens it only while the server says this interpreter is on air
 * with the microphone open and no cough is held. Publishing up front makes going on air one mute
 * flag instead of a renegotiation; the server mutes off-air interpreters at the SFU regardless.
 */
export class BoothController extends ViewStore<BoothMediaSnapshot> {
  private readonly room: Room;
  private wantOpen = false;
  private coughHeld = false;
  /** Bumped by dispose(), so a connect still in flight knows it was cancelled. */
  private generation = 0;

  constructor(private readonly deps: BoothControllerDeps) {
    super({ connection: "idle", reconnecting: false, sending: false });
    // Dual peer connections: the pinned livekit-server (v1.11) has no single-PC signalling.
    this.room = deps.createRoom?.() ?? new Room({ dynacast: true, singlePeerConnection: false });
    this.room
      .on(RoomEvent.Reconnecting, () => this.set({ reconnecting: true }))
      .on(RoomEvent.Reconnected, () => this.set({ reconnecting: false }))
      .on(RoomEvent.Disconnected, (reason) => {
        if (reason !== DisconnectReason.CLIENT_INITIATED) this.set({ connection: "error", problem: "disconnected", reconnecting: false, sending: false });
      });
  }

  /** The booth's room, for the incoming source (a listener controller plays it). */
  get liveKitRoom(): Room {
    return this.room;
  }

  /** Joins the room and publishes the (muted) microphone. */
  async connect(): Promise<void> {
    if (this.view.connection === "connecting" || this.view.connection === "connected") return;
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    this.set({ connection: "connecting", problem: undefined });
    let mic: LocalAudioTrack;
    try {
      mic = await (this.deps.createMicrophone?.() ?? createLocalAudioTrack(VOICE));
    } catch (err) {
      if (!cancelled()) this.set({ connection: "error", problem: mediaProblem(err) });
      return;
    }
    if (cancelled()) return mic.stop();
    // Muted before it is published: not one frame leaves an interpreter who is not on air.
    await mic.mute();
    this.set({ mic });
    let details: TConnectionDetails | undefined;
    try {
      details = await this.deps.fetchDetails();
      await this.room.connect(details.serverUrl, details.token);
      await this.room.localParticipant.publishTrack(mic, { source: Track.Source.Microphone, dtx: false, red: true });
    } catch (err) {
      if (cancelled()) return;
      await this.room.disconnect(false);
      return this.set({ connection: "error", problem: details ? "connect" : tokenProblem(err) });
    }
    if (cancelled()) return;
    this.set({ connection: "connected" });
    await this.applyMic();
  }

  /** What the server says: this interpreter is on air with the microphone open. */
  async setOnAir(open: boolean): Promise<void> {
    this.wantOpen = open;
    await this.applyMic();
  }

  /** The cough key: the microphone is closed locally at once, whatever the server says. */
  async setCough(held: boolean): Promise<void> {
    this.coughHeld = held;
    await this.applyMic();
  }

  private async applyMic(): Promise<void> {
    const { mic } = this.view;
    if (!mic) return;
    const open = this.wantOpen && !this.coughHeld && this.view.connection === "connected";
    if (open) await mic.unmute();
    else await mic.mute();
    if (open !== this.view.sending) this.set({ sending: open });
  }

  /** Leaves the room and releases the microphone. */
  async dispose(): Promise<void> {
    this.generation++;
    const { mic } = this.view;
    this.set({ connection: "idle", mic: undefined, sending: false, reconnecting: false });
    await this.room.disconnect(true);
    mic?.stop();
  }
}
