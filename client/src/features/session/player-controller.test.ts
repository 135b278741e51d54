import { describe, expect, test } from "vitest";
import { PlayerController, shortcutAction, type ShortcutKey } from "./player-controller.ts";

const press = (key: string, extra: Partial<ShortcutKey> = {}): ShortcutKey => ({ key, ctrlKey: false, metaKey: false, altKey: false, typing: false, ...extra });

describe("shortcutAction", () => {
  test.each([
    [press("m"), "mute"],
    [press("M"), "mute"],
    [press("+"), "volumeUp"],
    [press("="), "volumeUp"],
    [press("-"), "volumeDown"],
    [press("f"), "fullscreen"],
    [press("p"), "pictureInPicture"],
    [press("?"), "help"],
    [press("x"), undefined],
    [press("m", { typing: true }), undefined],
    [press("f", { ctrlKey: true }), undefined],
    [press("p", { metaKey: true }), undefined],
    [press("m", { altKey: true }), undefined],
  ])("%o → %s", (key, action) => {
    expect(shortcutAction(key)).toBe(action);
  });
});

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe("PlayerController", () => {
  test("volume steps stay within 0..1 and the setting is remembered", () => {
    const storage = memory();
    const player = new PlayerController(storage);
    player.nudge(1);
    expect(player.getSnapshot()).toEqual({ volume: 1, muted: false });
    for (let i = 0; i < 12; i++) player.nudge(-1);
    expect(player.getSnapshot().volume).toBe(0);
    player.setVolume(0.4);
    expect(new PlayerController(storage).getSnapshot()).toEqual({ volume: 0.4, muted: false });
  });

  test("mute silences without losing the volume; turning it up unmutes; unmuting at zero is audible", () => {
    const player = new PlayerController(memory());
    player.setVolume(0.7);
    player.toggleMute();
    expect(PlayerController.gain(player.getSnapshot())).toBe(0);
    player.toggleMute();
    expect(PlayerController.gain(player.getSnapshot())).toBe(0.7);
    player.toggleMute();
    player.nudge(1);
    expect(player.getSnapshot()).toEqual({ volume: 0.1, muted: false });
    player.setVolume(0);
    player.toggleMute();
    player.toggleMute();
    expect(PlayerController.gain(player.getSnapshot())).toBe(0.5);
  });

  test("listeners hear changes, not repeats", () => {
    const player = new PlayerController(memory());
    let calls = 0;
    player.subscribe(() => calls++);
    player.setVolume(1);
    player.setVolume(0.5);
    expect(calls).toBe(1);
  });
});
