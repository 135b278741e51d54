import { useEffect, useRef, useState } from "react";
import { AUDIBLE_LEVEL, startLevelMeter } from "./audio-level.ts";

/** A track's current level and when it first became audible. */
export interface AudioLevel {
  /** RMS level 0..1, updated about ten times a second. */
  level: number;
  /** `performance.now()` (rounded) when the level first exceeded {@link AUDIBLE_LEVEL}; undefined until then. */
  firstAudioMs: number | undefined;
  /** Heard within the last {@link AUDIBLE_HOLD_MS}, so the label does not flicker between words. */
  audible: boolean;
}

/** How long "audible" holds after the level drops. */
export const AUDIBLE_HOLD_MS = 1500;

/** Meters a MediaStreamTrack (undefined = nothing to meter, level 0). */
export function useAudioLevel(track: MediaStreamTrack | undefined, intervalMs = 100): AudioLevel {
  const [level, setLevel] = useState(0);
  const [firstAudioMs, setFirstAudioMs] = useState<number | undefined>();
  const heard = useRef(false);
  const lastAudible = useRef(-Infinity);
  const [audible, setAudible] = useState(false);

  useEffect(() => {
    if (!track) return;
    let stop: (() => void) | undefined;
    // When a track first reaches the meter: splits "page rendered" from "audio pipeline" in bench/join-time.ts.
    if (!heard.current) performance.mark("plenary:meter-start");
    try {
      stop = startLevelMeter(
        track,
        (next) => {
          const now = performance.now();
          setLevel(next);
          if (next > AUDIBLE_LEVEL) {
            lastAudible.current = now;
            if (!heard.current) {
              heard.current = true;
              setFirstAudioMs(Math.round(now));
            }
          }
          setAudible(now - lastAudible.current < AUDIBLE_HOLD_MS);
        },
        // Until first heard, sample every 20 ms: the level is ~0 then, so this costs no renders.
        { intervalMs, untilAudibleMs: 20 },
      );
    } catch {
      // No WebAudio (very old browser): the meter simply stays at zero.
    }
    return () => stop?.();
  }, [track, intervalMs]);

  // Without a track there is nothing to hear, whatever the last track left in state.
  return track ? { level, firstAudioMs, audible } : { level: 0, firstAudioMs, audible: false };
}
