import type { TConnectionDetails } from "@plenary/shared";
import {
  createLocalAudioTrack,
  createLocalVideoTrack,
  DisconnectReason,
  type LocalAudioTrack,
  type LocalVideoTrack,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
} from "livekit-client";
import { toApiError } from "../../lib/api.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** Where the stage feed stands. */
export type StageState = "idle" | "previewing" | "going-live" | "live" | "error";

/** What went wrong, for a translated explanation. */
export type StageProblem = "permission" | "no-device" | "device" | "signin" | "forbidden" | "ended" | "media-off" | "connect" | "disconnected";

/** An immutable view of the controller for React (`useSyncExternalStore`). */
export interface StageSnapshot {
  state: StageState;
  problem?: StageProblem;
  /** LiveKit is re-establishing the connection on its own. */
  reconnecting: boolean;
  video?: LocalVideoTrack;
  audio?: LocalAudioTrack;
}

/** The chosen inputs; undefined means the system default. */
export interface StageDevices {
  videoDeviceId?: string;
  audioDeviceId?: string;
}

/** Dependencies, injectable for tests. */
export interface StageControllerDeps {
  /** Asks the api for a fresh `stage` token; called on every Go live. */
  fetchDetails(): Promise<TConnectionDetails>;
  createRoom?: () => Room;
}

// A desk feed is already mixed: browser voice processing would pump and gate it.
const DESK_AUDIO = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/** Why a camera or microphone could not be opened. */
export function mediaProblem(err: unknown): StageProblem {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "permission";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "no-device";
  return "device";
}

/** Why a token for a publishing role was refused. */
export function tokenProblem(err: unknown): StageProblem {
  const code = toApiError(err).code;
  if (code === "UNAUTHENTICATED") return "signin";
  if (code === "FORBIDDEN") return "forbidden";
  if (code === "SESSION_NOT_OPEN") return "ended";
  if (code === "UNAVAILABLE") return "media-off";
  return "connect";
}

/**
 * Runs the stage operator's feed outside React: local preview of the chosen camera and desk
 * audio, then publishing the same tracks into the session's room, and stopping again.
 */
export class StageController extends ViewStore<StageSnapshot> {
  private room: Room | undefined;
  /** Bumped by stop(), so a Go live still in flight knows it was cancelled. */
  private generation = 0;
  /** LiveKit is reconnecting (between its Reconnecting and Reconnected events). */
  private livekitReconnecting = false;
  /** The ICE transport the feed is sent over, followed for {@link updateReconnecting}. */
  private transport: RTCIceTransport | undefined;
  private readonly onTransportState = () => this.updateReconnecting();

  constructor(private readonly deps: StageControllerDeps) {
    super({ state: "idle", reconnecting: false });
  }

  private opening: Promise<void> | undefined;

  /** Opens (or switches) the camera and audio input and shows them locally. */
  preview(devices: StageDevices): Promise<void> {
    this.opening ??= this.openDevices(devices).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async openDevices(devices: StageDevices): Promise<void> {
    const { video, audio } = this.view;
    try {
      if (video && audio) {
        await Promise.all([
          devices.videoDeviceId ? video.setDeviceId(devices.videoDeviceId) : undefined,
          devices.audioDeviceId ? audio.setDeviceId(devices.audioDeviceId) : undefined,
        ]);
        return;
      }
      const [newVideo, newAudio] = await Promise.all([
        createLocalVideoTrack({ deviceId: devices.videoDeviceId, resolution: VideoPresets.h720.resolution }),
        createLocalAudioTrack({ deviceId: devices.audioDeviceId, ...DESK_AUDIO }),
      ]);
      const keep = this.view.state === "going-live" || this.view.state === "live";
      this.set({ video: newVideo, audio: newAudio, state: keep ? this.view.state : "previewing", problem: undefined });
    } catch (err) {
      this.set({ state: "error", problem: mediaProblem(err) });
    }
  }

  /** Connects with a fresh token and publishes the previewed camera and audio. */
  async goLive(devices: StageDevices): Promise<void> {
    if (this.room || this.view.state === "going-live") return;
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    this.set({ state: "going-live", problem: undefined });
    if (!this.view.video || !this.view.audio) await this.preview(devices);
    const { video, audio } = this.view;
    if (!video || !audio || cancelled()) return;

    let details: TConnectionDetails;
    try {
      details = await this.deps.fetchDetails();
    } catch (err) {
      if (!cancelled()) this.set({ state: "error", problem: tokenProblem(err) });
      return;
    }
    if (cancelled()) return;
    // Dual peer connections: the pinned livekit-server (v1.11) has no single-PC signalling to try first.
    const room = this.deps.createRoom?.() ?? new Room({ dynacast: true, singlePeerConnection: false });
    this.room = room;
    room
      .on(RoomEvent.Reconnecting, () => ((this.livekitReconnecting = true), this.updateReconnecting()))
      .on(RoomEvent.Reconnected, () => ((this.livekitReconnecting = false), this.updateReconnecting()))
      // A full reconnect publishes the tracks again, over a new transport.
      .on(RoomEvent.LocalTrackPublished, () => this.updateReconnecting())
      .on(RoomEvent.Disconnected, (reason) => this.onDisconnected(room, reason));
    try {
      await room.connect(details.serverUrl, details.token);
      await room.localParticipant.publishTrack(video, { source: Track.Source.Camera, simulcast: true });
      await room.localParticipant.publishTrack(audio, { source: Track.Source.Microphone, dtx: false, red: true });
      if (!cancelled()) this.set({ state: "live" });
      this.updateReconnecting();
    } catch {
      if (cancelled()) return;
      this.room = undefined;
      this.unfollowTransport();
      await room.disconnect(false);
      this.set({ state: "error", problem: "connect", reconnecting: false });
    }
  }

  private onDisconnected(room: Room, reason?: DisconnectReason): void {
    if (this.room !== room || reason === DisconnectReason.CLIENT_INITIATED) return;
    this.room = undefined;
    this.unfollowTransport();
    this.set({ state: "error", problem: "disconnected", reconnecting: false });
  }

  /**
   * Reconnecting while LiveKit says so, and also while the feed's own ICE transport has lost the
   * server: when the node carrying the room dies but signalling runs through another node, LiveKit
   * acts only once the browser declares the connection failed, seconds later (see
   * session/media-transport.ts).
   */
  private updateReconnecting(): void {
    const next = this.room ? (this.view.audio?.sender?.transport?.iceTransport ?? undefined) : undefined;
    if (next !== this.transport) {
      this.transport?.removeEventListener("statechange", this.onTransportState);
      next?.addEventListener("statechange", this.onTransportState);
      this.transport = next;
    }
    const ice = next?.state;
    const reconnecting = Boolean(this.room) && (this.livekitReconnecting || ice === "disconnected" || ice === "failed");
    if (reconnecting !== this.view.reconnecting) this.set({ reconnecting });
  }

  private unfollowTransport(): void {
    this.transport?.removeEventListener("statechange", this.onTransportState);
    this.transport = undefined;
    this.livekitReconnecting = false;
  }

  /** Unpublishes and leaves the room; the preview keeps running so the operator can go live again. */
  async stop(): Promise<void> {
    this.generation++;
    const room = this.room;
    this.room = undefined;
    this.unfollowTransport();
    if (room) {
      for (const track of [this.view.video, this.view.audio]) {
        if (track) await room.localParticipant.unpublishTrack(track, false).catch(() => undefined);
      }
      await room.disconnect(false);
    }
    this.set({ state: this.view.video ? "previewing" : "idle", reconnecting: false, problem: undefined });
  }

  /** Leaves the room and releases the camera and audio input. */
  async dispose(): Promise<void> {
    await this.stop();
    this.view.video?.stop();
    this.view.audio?.stop();
    this.set({ state: "idle", video: undefined, audio: undefined });
  }
}
