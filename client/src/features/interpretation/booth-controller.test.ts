import type { TConnectionDetails } from "@plenary/shared";
import type { LocalAudioTrack, Room } from "livekit-client";
import { expect, test } from "vitest";
import { ApiError } from "../../lib/api.ts";
import { BoothController } from "./booth-controller.ts";

// The LiveKit room and the microphone are the vendor boundary; everything else is real.
function fakes() {
  const log: string[] = [];
  const mic = {
    isMuted: false,
    mute: async () => void ((mic.isMuted = true), log.push("mute")),
    unmute: async () => void ((mic.isMuted = false), log.push("unmute")),
    stop: () => void log.push("stop"),
  };
  const room = {
    on: () => room,
    connect: async () => void log.push("connect"),
    disconnect: async () => void log.push("disconnect"),
    localParticipant: { publishTrack: async () => void log.push(`publish muted=${mic.isMuted}`) },
  };
  return { log, mic, room };
}

const details = { serverUrl: "ws://x", token: "t" } as TConnectionDetails;

test("the microphone is published muted and sends only on air, never while a cough is held", async () => {
  const { log, mic, room } = fakes();
  const booth = new BoothController({ fetchDetails: async () => details, createRoom: () => room as unknown as Room, createMicrophone: async () => mic as unknown as LocalAudioTrack });
  await booth.connect();
  expect(log.slice(0, 3)).toEqual(["mute", "connect", "publish muted=true"]);
  expect(booth.getSnapshot()).toMatchObject({ connection: "connected", sending: false });

  await booth.setOnAir(true);
  expect(booth.getSnapshot().sending).toBe(true);
  expect(mic.isMuted).toBe(false);
  await booth.setCough(true);
  expect([mic.isMuted, booth.getSnapshot().sending]).toEqual([true, false]);
  await booth.setCough(false);
  expect(mic.isMuted).toBe(false);
  await booth.setOnAir(false);
  expect([mic.isMuted, booth.getSnapshot().sending]).toEqual([true, false]);

  await booth.dispose();
  expect(log.slice(-2)).toEqual(["disconnect", "stop"]);
  expect(booth.getSnapshot().connection).toBe("idle");
});

test("a refused token is explained, and nothing is published", async () => {
  const { log, mic, room } = fakes();
  const booth = new BoothController({
    fetchDetails: async () => {
      throw new ApiError("FORBIDDEN", "no", 403);
    },
    createRoom: () => room as unknown as Room,
    createMicrophone: async () => mic as unknown as LocalAudioTrack,
  });
  await booth.connect();
  expect(booth.getSnapshot()).toMatchObject({ connection: "error", problem: "forbidden" });
  expect(log.some((l) => l.startsWith("publish"))).toBe(false);
});
