import type { TInterpretationState } from "@plenary/shared";
import { RoomEvent, Track, type RemoteAudioTrack, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import { AUDIBLE_LEVEL, startLevelMeter } from "../../lib/audio-level.ts";
import { ROLE_ATTRIBUTE } from "../session/floor.ts";
import { DEFAULT_STRATEGY, mixFor, onAirIdentities, planTrack, type ListenerChoice, type Mix, type SwitchStrategy } from "./channels.ts";

/** User-timing marks a bench reads: the listener asked for a channel, and that channel became audible. */
export const MARKS = { select: "plenary:interp-select", audible: "plenary:interp-audible" } as const;

/** The part of a livekit Room the controller uses (a real Room satisfies it). */
export type RoomLike = Pick<Room, "on" | "off" | "remoteParticipants">;

/** Options for {@link ListenerController}. */
export interface ListenerControllerOptions {
  strategy?: SwitchStrategy;
  /**
   * Whether the controller also plays the floor. The session page's FloorAudio already plays it,
   * so there the controller only sets its volume; the booth has no FloorAudio.
   */
  playFloor?: boolean;
  /** Measures when the chosen channel becomes audible after a switch (WebAudio; off in unit tests). */
  measure?: boolean;
}

/** What the controller plays now, for React and for tests. */
export interface ListenerSnapshot {
  mix: Mix;
  /** The track the listener mainly hears (the interpreter, else the floor's first microphone), for a meter. */
  primary?: MediaStreamTrack;
}

const ROOM_EVENTS = [
  RoomEvent.TrackPublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackUnpublished,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
] as const;

const isInterpreter = (p: RemoteParticipant) => p.attributes[ROLE_ATTRIBUTE] === "interpreter";
const audioPublications = (p: RemoteParticipant): RemoteTrackPublication[] =>
  [...p.audioTrackPublications.values()].filter((pub) => pub.source === Track.Source.Microphone || pub.source === Track.Source.ScreenShareAudio);

/**
 * Makes a listener hear exactly one channel: the on-air interpreter the server names for it, with
 * the floor under it at the listener's level, or the floor alone. Never two interpreters at once
 * and never an off-air one, whatever the room carries: it decides every remote audio track's
 * subscription, forwarding and volume from the state on every change (room or state).
 */
export class ListenerController {
  private state: TInterpretationState | undefined;
  private choice: ListenerChoice;
  private master = 1;
  private readonly strategy: SwitchStrategy;
  private readonly attached = new Map<RemoteAudioTrack, HTMLMediaElement>();
  private snapshot: ListenerSnapshot;
  private readonly listeners = new Set<() => void>();
  private stopMeasuring: (() => void) | undefined;
  private measuring: MediaStreamTrack | undefined;

  constructor(
    private readonly room: RoomLike,
    choice: ListenerChoice,
    private readonly options: ListenerControllerOptions = {},
  ) {
    this.choice = choice;
    this.strategy = options.strategy ?? DEFAULT_STRATEGY;
    this.snapshot = { mix: mixFor(undefined, choice) };
    for (const event of ROOM_EVENTS) room.on(event, this.apply);
    this.apply();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ListenerSnapshot => this.snapshot;

  /** The newest interpretation state from the server. */
  setState(state: TInterpretationState | undefined): void {
    this.state = state;
    this.apply();
  }

  /** The listener picked a channel or moved the floor level. */
  setChoice(choice: ListenerChoice): void {
    if (choice.channel !== this.choice.channel) {
      performance.mark(MARKS.select, { detail: { channel: choice.channel, strategy: this.strategy } });
      this.measuring = undefined;
    }
    this.choice = choice;
    this.apply();
  }

  /** Scales everything the controller plays (a booth's source volume, 0..1). */
  setMasterVolume(volume: number): void {
    this.master = Math.min(1, Math.max(0, volume));
    this.apply();
  }

  private apply = (): void => {
    const mix = mixFor(this.state, this.choice);
    const onAir = onAirIdentities(this.state);
    const playing = new Set<RemoteAudioTrack>();
    let primary: MediaStreamTrack | undefined;
    let floorPrimary: MediaStreamTrack | undefined;
    for (const participant of this.room.remoteParticipants.values()) {
      const interpreter = isInterpreter(participant);
      for (const publication of audioPublications(participant)) {
        const plan = planTrack({ identity: participant.identity, interpreter }, mix, onAir, this.strategy, this.master);
        if (publication.isDesired !== plan.subscribe) publication.setSubscribed(plan.subscribe);
        if (plan.subscribe && publication.isEnabled !== plan.enabled) publication.setEnabled(plan.enabled);
        // A remote publication carries a remote track (the typing is shared with local ones).
        const track = publication.audioTrack as RemoteAudioTrack | undefined;
        if (!plan.subscribe || !track) continue;
        // Silence before sound: a switch never lets two interpreters overlap.
        track.setVolume(plan.volume);
        if (interpreter || this.options.playFloor) {
          playing.add(track);
          const element = this.attached.get(track) ?? track.attach();
          this.attached.set(track, element);
          // Browsers that ignore element volume (iOS Safari) still honour muted: a gated voice stays silent.
          element.muted = plan.volume === 0;
        }
        if (interpreter && participant.identity === mix.interpreter) primary = track.mediaStreamTrack;
        if (!interpreter && publication.source === Track.Source.Microphone) floorPrimary ??= track.mediaStreamTrack;
      }
    }
    for (const [track, element] of this.attached) {
      if (playing.has(track)) continue;
      track.detach(element);
      this.attached.delete(track);
    }
    primary ??= floorPrimary;
    if (primary !== this.snapshot.primary || !sameMix(mix, this.snapshot.mix)) {
      this.snapshot = { mix, primary };
      for (const listener of this.listeners) listener();
    }
    this.measure(primary);
  };

  /** Marks the moment the chosen channel's track first carries sound after a switch. */
  private measure(track: MediaStreamTrack | undefined): void {
    if (!this.options.measure || !track || track === this.measuring) return;
    this.stopMeasuring?.();
    this.measuring = track;
    const stop = startLevelMeter(
      track,
      (level) => {
        if (level <= AUDIBLE_LEVEL) return;
        performance.mark(MARKS.audible, { detail: { channel: this.choice.channel, strategy: this.strategy } });
        stop();
        if (this.stopMeasuring === stop) this.stopMeasuring = undefined;
      },
      { intervalMs: 5 },
    );
    this.stopMeasuring = stop;
  }

  /** Stops listening to the room and releases what the controller attached. */
  dispose(): void {
    for (const event of ROOM_EVENTS) this.room.off(event, this.apply);
    this.stopMeasuring?.();
    for (const [track, element] of this.attached) track.detach(element);
    this.attached.clear();
    this.listeners.clear();
  }
}

const sameMix = (a: Mix, b: Mix) => a.interpreter === b.interpreter && a.floorVolume === b.floorVolume && a.status === b.status;
