import { audioContext } from "../../lib/audio-level.ts";

// How long to wait for a suspended AudioContext to resume before giving up on the cue: a late
// beep would confuse more than none.
const RESUME_WAIT_MS = 300;

/**
 * Wakes the page's AudioContext during a user gesture (pressing "Request the floor"), so that the
 * browser lets the cue sound later, when the floor is given without anyone touching the page.
 */
export function primeFloorCue(): void {
  try {
    const context = audioContext();
    if (context.state === "suspended") void context.resume().catch(() => undefined);
  } catch {
    // No WebAudio: the prompt and the live region still tell.
  }
}

/**
 * Two short rising tones: "you have the floor". Resolves false when the browser holds sound back
 * (autoplay rules) or has no WebAudio; the visible prompt and the live region say it anyway.
 */
export async function playFloorCue(): Promise<boolean> {
  let context: AudioContext;
  try {
    context = audioContext();
  } catch {
    return false;
  }
  if (context.state !== "running") {
    const resumed = await Promise.race([
      context.resume().then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), RESUME_WAIT_MS)),
    ]);
    // Read again: resume() changed it (TypeScript keeps the narrowing from before the await).
    if (!resumed || (context.state as AudioContextState) !== "running") return false;
  }
  const start = context.currentTime + 0.02;
  for (const [hz, at] of [[660, 0], [990, 0.18]] as const) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = hz;
    gain.gain.setValueAtTime(0, start + at);
    gain.gain.linearRampToValueAtTime(0.18, start + at + 0.02);
    gain.gain.linearRampToValueAtTime(0, start + at + 0.15);
    tone.connect(gain).connect(context.destination);
    tone.start(start + at);
    tone.stop(start + at + 0.16);
  }
  return true;
}
