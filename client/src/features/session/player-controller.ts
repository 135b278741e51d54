/** The listener's sound: how loud, and whether they muted it. */
export interface PlayerSound {
  /** 0..1. */
  volume: number;
  muted: boolean;
}

/** What a key on the session page does to the player. */
export type PlayerAction = "mute" | "volumeUp" | "volumeDown" | "fullscreen" | "pictureInPicture" | "help";

/** The shortcuts, in the order the help dialog lists them; `keys` are what the dialog shows. */
export const PLAYER_SHORTCUTS: readonly { action: PlayerAction; keys: readonly string[] }[] = [
  { action: "mute", keys: ["M"] },
  { action: "volumeUp", keys: ["+"] },
  { action: "volumeDown", keys: ["-"] },
  { action: "fullscreen", keys: ["F"] },
  { action: "pictureInPicture", keys: ["P"] },
  { action: "help", keys: ["?"] },
];

const KEY_ACTIONS: Record<string, PlayerAction> = {
  m: "mute",
  M: "mute",
  "+": "volumeUp",
  "=": "volumeUp",
  "-": "volumeDown",
  f: "fullscreen",
  F: "fullscreen",
  p: "pictureInPicture",
  P: "pictureInPicture",
  "?": "help",
};

/** The part of a KeyboardEvent a shortcut decision needs. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element is a text field, select or editable region: its keys are the person's typing. */
  typing: boolean;
}

/** The player action for a key press, or undefined: never while typing, never with a modifier (the browser's own shortcuts). */
export function shortcutAction(press: ShortcutKey): PlayerAction | undefined {
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  return KEY_ACTIONS[press.key];
}

/** Whether an element takes keyboard input of its own (so single-key shortcuts must leave it alone). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset", "range"].includes(target.type);
}

/** How much one volume key or step moves the volume. */
export const VOLUME_STEP = 0.1;
const STORAGE_KEY = "plenary.player";

const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;

/**
 * The listener's volume and mute, outside React (one per page) and remembered for the next
 * session. Turning the volume up from silence also unmutes: the person clearly wants to hear.
 */
export class PlayerController {
  private sound: PlayerSound;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem"> | undefined = globalThis.localStorage) {
    this.sound = readSound(storage);
  }

  getSnapshot = (): PlayerSound => this.sound;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setVolume(volume: number): void {
    this.set({ volume: clamp(volume), muted: clamp(volume) === 0 ? this.sound.muted : false });
  }

  nudge(direction: 1 | -1): void {
    this.setVolume((this.sound.muted ? 0 : this.sound.volume) + direction * VOLUME_STEP);
  }

  toggleMute(): void {
    // Unmuting at zero volume would stay silent: bring it back to an audible level.
    this.set({ muted: !this.sound.muted, volume: this.sound.muted && this.sound.volume === 0 ? 0.5 : this.sound.volume });
  }

  /** The gain to apply to everything the page plays. */
  static gain(sound: PlayerSound): number {
    return sound.muted ? 0 : sound.volume;
  }

  private set(next: PlayerSound): void {
    if (next.volume === this.sound.volume && next.muted === this.sound.muted) return;
    this.sound = next;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode or full storage: the setting still holds for this page.
    }
    this.listeners.forEach((l) => l());
  }
}

function readSound(storage: Pick<Storage, "getItem"> | undefined): PlayerSound {
  try {
    const stored = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null") as Partial<PlayerSound> | null;
    if (stored && typeof stored.volume === "number" && typeof stored.muted === "boolean") return { volume: clamp(stored.volume), muted: stored.muted };
  } catch {
    // A damaged entry falls back to the default.
  }
  return { volume: 1, muted: false };
}
