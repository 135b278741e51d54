import { type RemoteAudioTrack, RoomEvent, type Room, Track } from "livekit-client";
import { type AudioLevel, LevelWatch, type LevelWatchOptions } from "../../lib/audio-level.ts";
import { type FloorTrackLike, isFloorParticipant, isOwnVoice, pickFloorAudio } from "./floor.ts";

/** The part of a livekit Room the player uses (a real Room satisfies it). */
export type FloorRoom = Pick<Room, "on" | "off" | "remoteParticipants" | "localParticipant">;

/** Where attached elements go: a real page appends them hidden; tests pass a fake. */
export interface ElementHost {
  add(element: HTMLMediaElement): void;
  remove(element: HTMLMediaElement): void;
}

/** Dependencies, injectable for tests. */
export interface FloorPlayerDeps extends Pick<LevelWatchOptions, "meter" | "now"> {
  host?: ElementHost;
}

const ROOM_EVENTS = [
  RoomEvent.Connected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackUnpublished,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
] as const;

interface FloorAudioTrack {
  track: RemoteAudioTrack;
  participant: FloorTrackLike["participant"];
  source: Track.Source;
}

const FLOOR_SOURCES: ReadonlySet<Track.Source> = new Set([Track.Source.Microphone, Track.Source.ScreenShareAudio]);

/** Appends elements to a hidden box at the end of the body (iOS plays only elements in the document). */
const bodyHost = (): ElementHost => {
  let box: HTMLElement | undefined;
  return {
    add(element) {
      if (!box) {
        box = document.createElement("div");
        box.hidden = true;
        box.dataset.testid = "floor-audio-elements";
        document.body.append(box);
      }
      box.append(element);
    },
    remove: (element) => element.remove(),
  };
};

/**
 * Plays and meters a room's floor (stage desk feed, speakers, moderator) from the moment its first
 * track is subscribed, outside React. The page's first script connects the room before the app has
 * rendered; waiting for a component to attach the tracks and start the meter cost every join about
 * half a second of silence (bench/join-time.ts). React only reads the level from here.
 *
 * Interpreter channels are left out (the listener controller plays the one chosen), and so is the
 * listener's own voice from another of their views. Volume stays with whoever sets it on the tracks
 * (the listener controller scales the floor under an interpreter and by the player's volume);
 * LiveKit re-applies a track's volume to every element attached later.
 */
export class FloorPlayer {
  private readonly attached = new Map<RemoteAudioTrack, HTMLMediaElement>();
  private readonly level: LevelWatch;
  private disposed = false;
  private readonly host: ElementHost;

  constructor(
    private readonly room: FloorRoom,
    deps: FloorPlayerDeps = {},
  ) {
    this.host = deps.host ?? bodyHost();
    this.level = new LevelWatch({ meter: deps.meter, now: deps.now });
    this.subscribe = this.level.subscribe;
    this.getSnapshot = this.level.getSnapshot;
    for (const event of ROOM_EVENTS) room.on(event, this.apply);
    room.on(RoomEvent.Disconnected, this.dispose);
    this.apply();
  }

  /** For React: the metered floor's level, and when it was first heard (kept after the room closes). */
  readonly subscribe: LevelWatch["subscribe"];
  readonly getSnapshot: () => AudioLevel;

  /** The floor tracks now playing, for tests. */
  get playing(): readonly MediaStreamTrack[] {
    return [...this.attached.keys()].map((track) => track.mediaStreamTrack);
  }

  private apply = (): void => {
    if (this.disposed) return;
    const local = this.room.localParticipant?.identity ?? "";
    const floor: FloorAudioTrack[] = [];
    for (const participant of this.room.remoteParticipants.values()) {
      if (!isFloorParticipant(participant) || isOwnVoice(local, participant)) continue;
      for (const publication of participant.audioTrackPublications.values()) {
        // A remote publication carries a remote track (the typing is shared with local ones).
        const track = publication.audioTrack as RemoteAudioTrack | undefined;
        if (track && publication.isSubscribed && FLOOR_SOURCES.has(publication.source)) floor.push({ track, participant, source: publication.source });
      }
    }
    const wanted = new Set(floor.map((f) => f.track));
    for (const [track, element] of this.attached) {
      if (wanted.has(track)) continue;
      track.detach(element);
      this.host.remove(element);
      this.attached.delete(track);
    }
    for (const { track } of floor) {
      if (this.attached.has(track)) continue;
      const element = track.attach();
      this.host.add(element);
      this.attached.set(track, element);
    }
    this.level.watch(pickFloorAudio(floor)?.track.mediaStreamTrack);
  };

  /** Stops playing and metering (the room disconnected, or the page left); the last level reads 0. */
  dispose = (): void => {
    if (this.disposed) return;
    this.disposed = true;
    for (const event of ROOM_EVENTS) this.room.off(event, this.apply);
    this.room.off(RoomEvent.Disconnected, this.dispose);
    this.level.watch(undefined);
    for (const [track, element] of this.attached) {
      track.detach(element);
      this.host.remove(element);
    }
    this.attached.clear();
  };
}
