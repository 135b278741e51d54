import { useEffect, useRef, useState } from "react";
import { AUDIBLE_LEVEL, startLevelMeter } from "./audio-level.ts";

/** A track's current level and when it first became audible. */
export interface AudioLevel {
  /** RMS level 0..1, updated about ten times a second. */
  level: number;
  /** `performance.now()` (rounded) when the level first exceeded {@link AUDIBLE_LEVEL}; undefined until then. */
  firstAudioMs: number | undefined;
}

/** Meters a MediaStreamTrack (undefined = nothing to meter, level 0). */
export function useAudioLevel(track: MediaStreamTrack | undefined, intervalMs = 100): AudioLevel {
  const [level, setLevel] = useState(0);
  const [firstAudioMs, setFirstAudioMs] = useState<number | undefined>();
  const heard = useRef(false);

  useEffect(() => {
    if (!track) {
      setLevel(0);
      return;
    }
    let stop: (() => void) | undefined;
    try {
      stop = startLevelMeter(
        track,
        (next) => {
          setLevel(next);
          if (!heard.current && next > AUDIBLE_LEVEL) {
            heard.current = true;
            setFirstAudioMs(Math.round(performance.now()));
          }
        },
        { intervalMs },
      );
    } catch {
      // No WebAudio (very old browser): the meter simply stays at zero.
    }
    return () => stop?.();
  }, [track, intervalMs]);

  return { level, firstAudioMs };
}
