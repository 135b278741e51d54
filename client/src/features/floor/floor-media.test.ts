import { ParticipantEvent, type LocalAudioTrack, type LocalParticipant, type LocalVideoTrack, type Track } from "livekit-client";
import { expect, test } from "vitest";
import { FloorMediaController } from "./floor-media.ts";

// LiveKit's participant and the devices are the vendor boundary; the controller is real.
// Protocol track sources: 1 camera, 2 microphone, 3 screen share.
function fakes() {
  const log: string[] = [];
  const handlers = new Map<string, Set<() => void>>();
  const publications = new Map<string, { track: unknown; source: Track.Source }>();
  const emit = (event: string) => handlers.get(event)?.forEach((fn) => fn());
  const track = (name: string) => {
    const t = {
      isMuted: false,
      mute: async () => void ((t.isMuted = true), log.push(`${name} mute`)),
      unmute: async () => void ((t.isMuted = false), log.push(`${name} unmute`)),
      stop: () => void log.push(`${name} stop`),
      setDeviceId: async (id: string) => void log.push(`${name} device ${id}`),
    };
    return t;
  };
  const participant = {
    permissions: { canPublish: false, canPublishSources: [] as number[] },
    trackPublications: publications,
    on: (event: string, fn: () => void) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(fn),
    off: (event: string, fn: () => void) => void handlers.get(event)?.delete(fn),
    getTrackPublication: (source: Track.Source) => [...publications.values()].find((p) => p.source === source),
    async publishTrack(t: { isMuted: boolean }, options: { source: Track.Source }) {
      log.push(`publish ${options.source}${t.isMuted ? " (muted)" : ""}`);
      publications.set(options.source, { track: t, source: options.source });
      emit(ParticipantEvent.LocalTrackPublished);
    },
    async unpublishTrack(t: unknown) {
      const [key] = [...publications].find(([, p]) => p.track === t) ?? [];
      if (key) publications.delete(key);
      log.push(`unpublish ${key}`);
    },
    async setScreenShareEnabled(on: boolean) {
      if (on) publications.set("screen_share", { track: {}, source: "screen_share" as Track.Source });
      else publications.delete("screen_share");
      emit(ParticipantEvent.LocalTrackPublished);
    },
  };
  const permit = (sources: number[]) => {
    participant.permissions = { canPublish: sources.length > 0, canPublishSources: sources };
    emit(ParticipantEvent.ParticipantPermissionsChanged);
  };
  let opened = 0;
  const controller = new FloorMediaController({
    participant: participant as unknown as LocalParticipant,
    createMicrophone: async () => (opened++, track("mic") as unknown as LocalAudioTrack),
    createCamera: async () => (opened++, track("camera") as unknown as LocalVideoTrack),
    permissionTimeoutMs: 50,
  });
  return { log, controller, permit, opened: () => opened, publications };
}

test("nothing is opened until asked; going live waits for LiveKit's permission, then publishes", async () => {
  const { log, controller, permit, opened } = fakes();
  expect(opened()).toBe(0);
  await controller.open({});
  expect(controller.getSnapshot()).toMatchObject({ state: "ready" });

  const live = controller.goLive();
  await Promise.resolve();
  expect(controller.getSnapshot().state).toBe("waiting");
  expect(log).toEqual([]);
  permit([2]);
  await live;
  expect(controller.getSnapshot().state).toBe("live");
  expect(log).toEqual(["publish microphone"]);
});

test("the permission never arriving is explained, and nothing is published", async () => {
  const { log, controller } = fakes();
  await controller.goLive();
  expect(controller.getSnapshot()).toMatchObject({ state: "ready", problem: "not-permitted" });
  expect(log).toEqual([]);
});

test("the chair's mute keeps the microphone closed whatever the speaker presses, until the chair unmutes", async () => {
  const { log, controller, permit } = fakes();
  permit([2]);
  await controller.setChairMuted(true);
  await controller.goLive();
  expect(log).toEqual(["mic mute", "publish microphone (muted)"]);

  await controller.setSelfMuted(false);
  expect(controller.getSnapshot().mic?.isMuted).toBe(true);
  await controller.setChairMuted(false);
  expect(controller.getSnapshot().mic?.isMuted).toBe(false);
  await controller.setSelfMuted(true);
  await controller.setChairMuted(true);
  await controller.setChairMuted(false);
  expect(controller.getSnapshot().mic?.isMuted).toBe(true);
});

test("taken back server-side: LiveKit withdraws the permission and the devices are let go", async () => {
  const { log, controller, permit } = fakes();
  permit([1, 2]);
  await controller.open({}, true);
  await controller.goLive();
  expect(log).toEqual(["publish microphone", "publish camera"]);
  permit([]);
  await new Promise((r) => setTimeout(r, 0));
  expect(controller.getSnapshot()).toMatchObject({ state: "idle", mic: undefined, camera: undefined });
  expect(log).toContain("mic stop");
  expect(log).toContain("camera stop");
});

test("the camera goes out only when the grant includes it; release unpublishes everything and lets the devices go", async () => {
  const { log, controller, permit, publications } = fakes();
  permit([2]);
  await controller.open({}, true);
  await controller.goLive();
  expect(log).toEqual(["publish microphone"]);

  await controller.setScreenShare(true);
  expect(controller.getSnapshot().sharing).toBe(true);
  await controller.release();
  expect(publications.size).toBe(0);
  expect(log.slice(-2)).toEqual(["mic stop", "camera stop"]);
  expect(controller.getSnapshot()).toMatchObject({ state: "idle", sharing: false, mic: undefined, camera: undefined });
});

test("a speaker live when the page's room is replaced goes live again in the next room, once LiveKit permits it", async () => {
  const before = fakes();
  before.permit([2, 1]);
  await before.controller.open({ audioDeviceId: "usb-mic" }, true);
  await before.controller.setSelfMuted(true);
  await before.controller.goLive();
  const handoff = before.controller.handoff();
  expect(handoff).toEqual({ devices: { audioDeviceId: "usb-mic" }, camera: true, selfMuted: true });
  await before.controller.dispose();

  // The new connection has no permissions until the sweeper re-applies the grant.
  const after = fakes();
  const resumed = after.controller.resume(handoff!);
  await new Promise((resolve) => setImmediate(resolve));
  expect(after.controller.getSnapshot().state).toBe("waiting");
  after.permit([2, 1]);
  await resumed;
  expect(after.controller.getSnapshot()).toMatchObject({ state: "live", selfMuted: true });
  expect(after.log).toEqual(["mic mute", "publish microphone (muted)", "publish camera"]);
  // Not live: nothing to hand over.
  expect(fakes().controller.handoff()).toBeUndefined();
});
