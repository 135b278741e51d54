import {
  createLocalAudioTrack,
  createLocalVideoTrack,
  type LocalAudioTrack,
  type LocalParticipant,
  type LocalTrackPublication,
  type LocalVideoTrack,
  ParticipantEvent,
  Track,
  VideoPresets,
} from "livekit-client";
import { mediaProblem } from "../stage/stage-controller.ts";
import { ViewStore } from "../../lib/view-store.ts";

/** Where the speaker's media stands: nothing open, open locally, waiting for LiveKit's permission, or live. */
export type FloorMediaState = "idle" | "opening" | "ready" | "waiting" | "live" | "error";

/** What went wrong, for a translated explanation. */
export type FloorMediaProblem = "permission" | "no-device" | "device" | "not-permitted" | "publish" | "screen-share";

/** An immutable view of the speaker's media for React (`useSyncExternalStore`). */
export interface FloorMediaSnapshot {
  state: FloorMediaState;
  problem?: FloorMediaProblem;
  mic?: LocalAudioTrack;
  camera?: LocalVideoTrack;
  /** The speaker muted themselves. */
  selfMuted: boolean;
  /** The chair muted them: the microphone stays closed until the chair unmutes. */
  chairMuted: boolean;
  /** Slides (a screen) are being shared. */
  sharing: boolean;
}

/** The chosen inputs; undefined means the system default. */
export interface FloorDevices {
  audioDeviceId?: string;
  videoDeviceId?: string;
}

/**
 * What carries over when the page's room is replaced while the person is live (a full rejoin
 * after an outage): the devices, the camera, their own mute.
 */
export interface FloorHandoff {
  devices: FloorDevices;
  camera: boolean;
  selfMuted: boolean;
}

/** Dependencies, injectable for tests: the page's room participant and the device openers. */
export interface FloorMediaDeps {
  participant: LocalParticipant;
  createMicrophone?: (deviceId?: string) => Promise<LocalAudioTrack>;
  createCamera?: (deviceId?: string) => Promise<LocalVideoTrack>;
  /** How long to wait for the server's grant to reach LiveKit before giving up. */
  permissionTimeoutMs?: number;
}

// A remote delegate hears the floor while they speak, often from laptop speakers: echo
// cancellation keeps the room from hearing itself back. Noise suppression and gain control are
// left off: measured in Chromium, they pull a steady tone (a test signal, a held vowel) from 0.34
// to 0.04 RMS within two seconds, and a delegate's level is the chair's to judge on the meter.
const VOICE = { echoCancellation: true, noiseSuppression: false, autoGainControl: false };
const PERMISSION_TIMEOUT_MS = 10_000;

/** Whether LiveKit lets the participant publish `source` now (no source list means every source). */
export function mayPublish(participant: Pick<LocalParticipant, "permissions">, source: Track.Source): boolean {
  const p = participant.permissions;
  if (!p?.canPublish) return false;
  return p.canPublishSources.length === 0 || p.canPublishSources.map((s) => Track.sourceFromProto(s)).includes(source);
}

/**
 * The media of someone given the floor, outside React, in the room the page already joined. Opens
 * the microphone (and the camera if wanted) only when asked, which a page does once the floor is
 * given, so an attendee is never prompted for devices before. Publishes once the server's grant
 * has reached LiveKit (the participant's permissions change), keeps the microphone closed while
 * the speaker or the chair mutes it, and lets go of every device when the floor is taken back,
 * whether the page notices first or LiveKit does.
 */
export class FloorMediaController extends ViewStore<FloorMediaSnapshot> {
  private readonly participant: LocalParticipant;
  private devices: FloorDevices = {};
  /** Bumped by stop and release, so a go-live or an open still in flight knows it was cancelled. */
  private generation = 0;
  private opening: Promise<void> | undefined;

  constructor(private readonly deps: FloorMediaDeps) {
    super({ state: "idle", selfMuted: false, chairMuted: false, sharing: false });
    this.participant = deps.participant;
    this.participant.on(ParticipantEvent.ParticipantPermissionsChanged, this.onPermissions);
    this.participant.on(ParticipantEvent.LocalTrackPublished, this.onPublished);
    this.participant.on(ParticipantEvent.LocalTrackUnpublished, this.onPublished);
  }

  /** Opens (or switches) the microphone, and the camera when `camera`; nothing is sent yet. */
  open(devices: FloorDevices, camera = false): Promise<void> {
    this.devices = { ...this.devices, ...devices };
    this.opening ??= this.openDevices(camera).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async openDevices(camera: boolean): Promise<void> {
    const generation = this.generation;
    const { audioDeviceId, videoDeviceId } = this.devices;
    if (!this.view.mic) this.set({ state: "opening", problem: undefined });
    try {
      let { mic } = this.view;
      if (mic) {
        if (audioDeviceId) await mic.setDeviceId(audioDeviceId);
      } else {
        mic = await (this.deps.createMicrophone ?? ((deviceId) => createLocalAudioTrack({ deviceId, ...VOICE })))(audioDeviceId);
        if (generation !== this.generation) return mic.stop();
        // Closed before anyone can hear it when the speaker or the chair has muted.
        if (this.muted) await mic.mute();
        this.set({ mic, state: this.view.state === "opening" ? "ready" : this.view.state });
      }
      if (camera) await this.openCamera(videoDeviceId, generation);
    } catch (err) {
      const problem = mediaProblem(err);
      if (generation === this.generation) {
        this.set({ state: this.view.mic ? this.view.state : "error", problem: problem === "permission" || problem === "no-device" ? problem : "device" });
      }
    }
  }

  private async openCamera(deviceId: string | undefined, generation: number): Promise<void> {
    const { camera } = this.view;
    if (camera) {
      if (deviceId) await camera.setDeviceId(deviceId);
      return;
    }
    const opened = await (this.deps.createCamera ?? ((id) => createLocalVideoTrack({ deviceId: id, resolution: VideoPresets.h720.resolution })))(deviceId);
    if (generation !== this.generation) return opened.stop();
    this.set({ camera: opened });
    if (this.view.state === "live" && mayPublish(this.participant, Track.Source.Camera)) await this.publishCamera(opened);
  }

  /** Turns the camera on (published at once when live and allowed) or off (released). */
  async setCamera(on: boolean, deviceId?: string): Promise<void> {
    if (deviceId) this.devices = { ...this.devices, videoDeviceId: deviceId };
    if (on) return this.open({}, true);
    const { camera } = this.view;
    if (!camera) return;
    this.set({ camera: undefined });
    if (this.isPublished(camera)) await this.participant.unpublishTrack(camera, false).catch(() => undefined);
    camera.stop();
  }

  /**
   * Sends the microphone (and the open camera, if the grant allows it) into the room. Waits for
   * LiveKit to let this participant publish: the server gives the floor through LiveKit, so the
   * permission arrives on its own, usually before anyone presses the button.
   */
  async goLive(): Promise<void> {
    const { state } = this.view;
    if (state === "waiting" || state === "live") return;
    if (!this.view.mic) await this.open({}, false);
    const { mic } = this.view;
    if (!mic) return;
    const generation = ++this.generation;
    this.set({ state: "waiting", problem: undefined });
    if (!(await this.permitted(Track.Source.Microphone))) {
      if (generation === this.generation) this.set({ state: "ready", problem: "not-permitted" });
      return;
    }
    if (generation !== this.generation) return;
    try {
      await this.applyMute();
      await this.participant.publishTrack(mic, { source: Track.Source.Microphone, red: true });
      const { camera } = this.view;
      if (camera && mayPublish(this.participant, Track.Source.Camera)) await this.publishCamera(camera);
      if (generation === this.generation) this.set({ state: "live" });
    } catch {
      if (generation !== this.generation) return;
      await this.unpublishAll();
      this.set({ state: "ready", problem: "publish" });
    }
  }

  private publishCamera(camera: LocalVideoTrack): Promise<LocalTrackPublication> {
    return this.participant.publishTrack(camera, { source: Track.Source.Camera, simulcast: true });
  }

  /** Resolves true once LiveKit lets this participant publish `source`, false after the timeout. */
  private permitted(source: Track.Source): Promise<boolean> {
    if (mayPublish(this.participant, source)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.participant.off(ParticipantEvent.ParticipantPermissionsChanged, check);
        resolve(ok);
      };
      const check = () => {
        if (mayPublish(this.participant, source)) done(true);
      };
      const timer = setTimeout(() => done(false), this.deps.permissionTimeoutMs ?? PERMISSION_TIMEOUT_MS);
      this.participant.on(ParticipantEvent.ParticipantPermissionsChanged, check);
    });
  }

  private get muted(): boolean {
    return this.view.selfMuted || this.view.chairMuted;
  }

  private async applyMute(): Promise<void> {
    const { mic } = this.view;
    if (!mic) return;
    if (this.muted === mic.isMuted) return;
    if (this.muted) await mic.mute();
    else await mic.unmute();
  }

  /** The speaker's own mute button. */
  async setSelfMuted(muted: boolean): Promise<void> {
    this.set({ selfMuted: muted });
    await this.applyMute();
  }

  /** What the chair decided; while muted by the chair, the speaker cannot open the microphone. */
  async setChairMuted(muted: boolean): Promise<void> {
    if (muted === this.view.chairMuted) return;
    this.set({ chairMuted: muted });
    await this.applyMute();
  }

  /** Shares a screen (slides) while live, or stops sharing. A cancelled picker is not a problem. */
  async setScreenShare(on: boolean): Promise<void> {
    try {
      await this.participant.setScreenShareEnabled(on, { audio: true, selfBrowserSurface: "exclude" });
      this.set({ problem: this.view.problem === "screen-share" ? undefined : this.view.problem });
    } catch (err) {
      if (err instanceof Error && err.name === "NotAllowedError") return;
      this.set({ problem: "screen-share" });
    }
  }

  /** Stops sending and lets go of the microphone and camera (Stop, Yield, or the floor ended). */
  async release(): Promise<void> {
    this.generation++;
    const { mic, camera } = this.view;
    await this.unpublishAll();
    mic?.stop();
    camera?.stop();
    this.set({ state: "idle", mic: undefined, camera: undefined, sharing: false, selfMuted: false, problem: undefined });
  }

  /** What a controller for the page's next room needs to go live again by itself; undefined unless live. */
  handoff(): FloorHandoff | undefined {
    const { state, camera, selfMuted } = this.view;
    return state === "live" ? { devices: this.devices, camera: camera !== undefined, selfMuted } : undefined;
  }

  /**
   * Goes live again in a new room, as the speaker was in the old one: the sweeper gives the new
   * connection the floor's permissions within a second or so, and publishing waits for them, so a
   * speaker who held the floor through an outage does not have to press "Go live" again.
   */
  async resume(handoff: FloorHandoff): Promise<void> {
    this.set({ selfMuted: handoff.selfMuted });
    await this.open(handoff.devices, handoff.camera);
    await this.goLive();
  }

  /** Releases everything and stops listening to the room. */
  async dispose(): Promise<void> {
    this.participant.off(ParticipantEvent.ParticipantPermissionsChanged, this.onPermissions);
    this.participant.off(ParticipantEvent.LocalTrackPublished, this.onPublished);
    this.participant.off(ParticipantEvent.LocalTrackUnpublished, this.onPublished);
    await this.release();
    this.forgetListeners();
  }

  private isPublished(track: LocalAudioTrack | LocalVideoTrack): boolean {
    return [...this.participant.trackPublications.values()].some((p) => p.track === track);
  }

  private async unpublishAll(): Promise<void> {
    const tracks = [this.view.mic, this.view.camera].filter((t) => t !== undefined).filter((t) => this.isPublished(t));
    await Promise.all(tracks.map((t) => this.participant.unpublishTrack(t, false).catch(() => undefined)));
    if (this.view.sharing) await this.participant.setScreenShareEnabled(false).catch(() => undefined);
  }

  // LiveKit took publishing away (the floor taken back server-side): the tracks are already gone
  // for everyone; let go of the devices too.
  private readonly onPermissions = () => {
    const { state } = this.view;
    if (state === "live" && !mayPublish(this.participant, Track.Source.Microphone)) void this.release();
  };

  private readonly onPublished = () => {
    const sharing = this.participant.getTrackPublication(Track.Source.ScreenShare) !== undefined;
    if (sharing !== this.view.sharing) this.set({ sharing });
  };
}
