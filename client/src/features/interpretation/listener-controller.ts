import { PARTICIPANT_ATTRIBUTES, type TInterpretationState } from "@plenary/shared";
import { RoomEvent, Track, type RemoteAudioTrack, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import { AUDIBLE_LEVEL, startLevelMeter } from "../../lib/audio-level.ts";
import { DEFAULT_STRATEGY, mixFor, onAirIdentities, planTrack, type ListenerChoice, type Mix, type SwitchStrategy } from "./channels.ts";

/** User-timing marks a bench reads: the listener asked for a channel, and that channel became audible. */
export const MARKS = { select: "plenary:interp-select", audible: "plenary:interp-audible" } as const;

/** The part of a livekit Room the controller uses (a real Room satisfies it). */
export type RoomLike = Pick<Room, "on" | "off" | "remoteParticipants"> & {
  readonly options?: Pick<Room["options"], "webAudioMix">;
  /** Who listens: an interpreter is never played their own voice. */
  readonly localParticipant?: { readonly identity: string };
};

/** Options for {@link ListenerController}. */
export interface ListenerControllerOptions {
  strategy?: SwitchStrategy;
  /**
   * Whether the controller also plays the floor. The session page's FloorAudio already plays it,
   * so there the controller only sets its volume; the booth has no FloorAudio.
   */
  playFloor?: boolean;
  /** Times every switch (meters every received track with WebAudio): for benches and tests, not for listeners. */
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

const isInterpreter = (p: RemoteParticipant) => p.attributes[PARTICIPANT_ATTRIBUTES.role] === "interpreter";
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
  /** Running meters on every received track, so a switch is timed without the meter's own start-up. */
  private readonly meters = new Map<MediaStreamTrack, () => void>();
  /** The track whose first audible frame is awaited since the last switch. */
  private awaited: MediaStreamTrack | undefined;
  private switched = false;
  /** Whether the room plays through Web Audio (where media elements ignore volume). */
  private readonly webAudio: boolean;

  constructor(
    private readonly room: RoomLike,
    choice: ListenerChoice,
    private readonly options: ListenerControllerOptions = {},
  ) {
    this.choice = choice;
    this.strategy = options.strategy ?? DEFAULT_STRATEGY;
    this.webAudio = Boolean(room.options?.webAudioMix);
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
      this.switched = true;
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
    // Known once the room has connected; until then nobody is on air in the room anyway.
    const self = this.room.localParticipant?.identity || undefined;
    const mix = mixFor(this.state, this.choice, self);
    const onAir = onAirIdentities(this.state, self);
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
        // Through Web Audio, LiveKit eases every volume change over about a third of a second, so a
        // voice gated by volume would still sound under the next one: there a silent interpreter is
        // detached instead, which cuts it at once (the subscription stays, so it comes back at once).
        const gatedByDetaching = this.webAudio && interpreter && plan.volume === 0;
        if ((interpreter || this.options.playFloor) && !gatedByDetaching) {
          playing.add(track);
          const element = this.attached.get(track) ?? track.attach();
          this.attached.set(track, element);
          // On elements, muted is the sure silence. Under Web Audio, LiveKit keeps every element muted
          // and plays the graph: unmuting one would play it twice.
          if (!this.webAudio) element.muted = plan.volume === 0;
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
    if (this.options.measure) this.measure(primary, playing);
  };

  /** Marks the moment the chosen channel's track first carries sound after a switch. */
  private measure(primary: MediaStreamTrack | undefined, playing: ReadonlySet<RemoteAudioTrack>): void {
    const received = new Set([...playing].map((t) => t.mediaStreamTrack));
    if (primary) received.add(primary);
    for (const [track, stop] of this.meters) {
      if (received.has(track)) continue;
      stop();
      this.meters.delete(track);
    }
    for (const track of received) {
      if (this.meters.has(track)) continue;
      this.meters.set(
        track,
        startLevelMeter(track, (level) => {
          if (track !== this.awaited || level <= AUDIBLE_LEVEL) return;
          this.awaited = undefined;
          performance.mark(MARKS.audible, { detail: { channel: this.choice.channel, strategy: this.strategy } });
        }, { intervalMs: 5 }),
      );
    }
    if (this.switched) {
      this.switched = false;
      this.awaited = primary;
    } else if (this.awaited !== undefined && this.awaited !== primary) {
      this.awaited = primary;
    }
  }

  /** Stops listening to the room and releases what the controller attached. */
  dispose(): void {
    for (const event of ROOM_EVENTS) this.room.off(event, this.apply);
    for (const stop of this.meters.values()) stop();
    this.meters.clear();
    for (const [track, element] of this.attached) track.detach(element);
    this.attached.clear();
    this.listeners.clear();
  }
}

const sameMix = (a: Mix, b: Mix) => a.interpreter === b.interpreter && a.floorVolume === b.floorVolume && a.status === b.status && a.ownVoice === b.ownVoice;
