import { useEffect, useState, useSyncExternalStore } from "react";
import { type AudioLevel, LevelWatch } from "./audio-level.ts";

/** Meters a MediaStreamTrack (undefined = nothing to meter, level 0); see {@link LevelWatch}. */
export function useAudioLevel(track: MediaStreamTrack | undefined, intervalMs = 100): AudioLevel {
  const [watch] = useState(() => new LevelWatch({ intervalMs }));
  const level = useSyncExternalStore(watch.subscribe, watch.getSnapshot);
  useEffect(() => {
    watch.watch(track);
    return () => watch.watch(undefined);
  }, [watch, track]);
  return level;
}
