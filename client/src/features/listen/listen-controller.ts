import { PARTICIPANT_ATTRIBUTES, type TConnectionDetails } from "@plenary/shared";
import { DisconnectReason, type RemoteAudioTrack, type RemoteParticipant, type RemoteTrackPublication, Room, RoomEvent, Track } from "livekit-client";
import { toApiError } from "../../lib/api.ts";
import { audioRoleOf, floorAudible, interpreterFor } from "./playback.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** Where the listener's connection to the room stands. */
export type ListenConnection = "idle" | "connecting" | "connected" | "reconnecting" | "ended";

/** Why listening stopped or could not start, for a translated explanation. */
export type ListenProblem = "signin" | "not-live" | "ended" | "forbidden" | "media-off" | "connect" | "disconnected" | "removed";

/** An immutable view of the controller for React (`useSyncExternalStore`). */
export interface ListenSnapshot {
  connection: ListenConnection;
  problem?: ListenProblem;
  /** The listener has started audio (a tap), and the browser lets the page play it. */
  audioStarted: boolean;
  /** What is heard now: the on-air interpreter, the floor, or nothing yet. */
  hearing: "interpreter" | "floor" | "nothing";
  /** The track being heard, for a level meter. */
  heardTrack?: MediaStreamTrack;
  /** 0..1, applied to everything played. */
  volume: number;
}

/** Dependencies, injectable for tests. */
export interface ListenControllerDeps {
  /** A fresh LiveKit token that can only subscribe (a member's attendee token or a guest link's). */
  fetchDetails(): Promise<TConnectionDetails>;
  createRoom?: () => Room;
}

const AUDIO_SOURCES = new Set<Track.Source>([Track.Source.Microphone, Track.Source.ScreenShareAudio]);

function problemOf(err: unknown): ListenProblem {
  switch (toApiError(err).code) {
    case "UNAUTHENTICATED":
      return "signin";
    case "SESSION_NOT_OPEN":
      return "not-live";
    case "FORBIDDEN":
      return "forbidden";
    case "UNAVAILABLE":
      return "media-off";
    default:
      return "connect";
  }
}

/**
 * Plays one interpretation channel from a session's room, outside React. It subscribes to the
 * floor (stage, speakers, the chair) and, when told, to the one on-air interpreter the server
 * named, and to nothing else; video is never subscribed. Playback goes through Web Audio so the
 * volume works on phones whose media elements ignore it (iOS).
 */
export class ListenController extends ViewStore<ListenSnapshot> {
  private room: Room | undefined;
  private onAir: string | null = null;
  private tapped = false;

  constructor(private readonly deps: ListenControllerDeps) {
    super({ connection: "idle", audioStarted: false, hearing: "nothing", volume: 1 });
  }

  /** Connects with a fresh listen-only token; a guest link's problems (revoked, expired) end it. */
  async connect(): Promise<void> {
    if (this.room) return;
    this.set({ connection: "connecting", problem: undefined });
    const room = this.deps.createRoom?.() ?? new Room({ adaptiveStream: false, dynacast: false, webAudioMix: true, singlePeerConnection: false });
    this.room = room;
    const apply = () => this.apply();
    room
      .on(RoomEvent.TrackPublished, apply)
      .on(RoomEvent.ParticipantConnected, apply)
      .on(RoomEvent.ParticipantAttributesChanged, apply)
      .on(RoomEvent.TrackSubscribed, (track) => {
        if (track.kind === Track.Kind.Audio) {
          track.attach();
          (track as RemoteAudioTrack).setVolume(this.view.volume);
        }
        this.apply();
      })
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        track.detach();
        this.apply();
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.set({ audioStarted: this.tapped && room.canPlaybackAudio }))
      .on(RoomEvent.Reconnecting, () => this.set({ connection: "reconnecting" }))
      .on(RoomEvent.Reconnected, () => this.set({ connection: "connected" }))
      .on(RoomEvent.Disconnected, (reason) => this.onDisconnected(room, reason));
    try {
      const details = await this.deps.fetchDetails();
      if (this.room !== room) return;
      await room.connect(details.serverUrl, details.token, { autoSubscribe: false });
      if (this.room !== room) return;
      // A tap before the room was there: the page has had its gesture, so audio may start now.
      if (this.tapped) await room.startAudio().catch(() => undefined);
      this.set({ connection: "connected", audioStarted: this.tapped && room.canPlaybackAudio });
      this.apply();
    } catch (err) {
      if (this.room !== room) return;
      this.room = undefined;
      await room.disconnect(false);
      this.set({ connection: "ended", problem: problemOf(err) });
    }
  }

  private onDisconnected(room: Room, reason?: DisconnectReason): void {
    if (this.room !== room || reason === DisconnectReason.CLIENT_INITIATED) return;
    this.room = undefined;
    // Removed: a revoked guest link. Room deleted: the session ended.
    const problem = reason === DisconnectReason.PARTICIPANT_REMOVED ? "removed" : reason === DisconnectReason.ROOM_DELETED ? "ended" : "disconnected";
    this.set({ connection: "ended", problem, hearing: "nothing", heardTrack: undefined });
  }

  /**
   * Follows the server's decision (`playbackFor` in the shared contract): the identity of the
   * on-air interpreter to play, or null for the floor.
   */
  setPlayback(playback: { interpreter: string | null }): void {
    if (this.onAir === playback.interpreter) return;
    this.onAir = playback.interpreter;
    this.apply();
  }

  setVolume(volume: number): void {
    const clamped = Math.max(0, Math.min(1, volume));
    for (const publication of this.audioPublications()) (publication.track as RemoteAudioTrack | undefined)?.setVolume(clamped);
    this.set({ volume: clamped });
  }

  /** Call from a tap or click: browsers play sound only after a gesture on the page. */
  async startAudio(): Promise<void> {
    this.tapped = true;
    const room = this.room;
    if (!room) return;
    try {
      await room.startAudio();
      this.set({ audioStarted: room.canPlaybackAudio });
    } catch {
      this.set({ audioStarted: false });
    }
  }

  private *audioPublications(): Generator<RemoteTrackPublication> {
    for (const participant of this.room?.remoteParticipants.values() ?? []) {
      for (const publication of participant.audioTrackPublications.values()) if (AUDIO_SOURCES.has(publication.source)) yield publication;
    }
  }

  /** Brings subscriptions in line with the decision, bridging a switch with the floor. */
  private apply(): void {
    const room = this.room;
    if (!room) return;
    const floor: { publication: RemoteTrackPublication; stage: boolean }[] = [];
    let interpreter: RemoteTrackPublication | undefined;
    const onAir = interpreterFor(this.onAir, room.localParticipant.identity);
    for (const participant of room.remoteParticipants.values() as Iterable<RemoteParticipant>) {
      const role = audioRoleOf(participant, onAir);
      for (const publication of participant.audioTrackPublications.values()) {
        if (!AUDIO_SOURCES.has(publication.source)) continue;
        // Each call is a signalling message, so only changes are sent.
        if (publication.isDesired !== (role !== "ignore")) publication.setSubscribed(role !== "ignore");
        if (role === "floor") floor.push({ publication, stage: participant.attributes[PARTICIPANT_ATTRIBUTES.role] === "stage" });
        else if (role === "interpreter" && publication.source === Track.Source.Microphone) interpreter = publication;
      }
    }
    const playFloor = floorAudible(onAir, Boolean(interpreter?.track));
    // Paused rather than unsubscribed: the SFU stops sending, and resuming needs no renegotiation.
    for (const { publication } of floor) if (publication.isEnabled !== playFloor) publication.setEnabled(playFloor);
    const metered = playFloor ? (floor.find((f) => f.stage && f.publication.track) ?? floor.find((f) => f.publication.track))?.publication : interpreter;
    this.set({ hearing: playFloor ? (floor.length > 0 ? "floor" : "nothing") : "interpreter", heardTrack: metered?.track?.mediaStreamTrack });
  }

  /** Leaves the room. */
  async dispose(): Promise<void> {
    const room = this.room;
    this.room = undefined;
    await room?.disconnect(false);
  }
}
