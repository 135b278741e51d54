import { useAudioPlayback, useRoomContext } from "@livekit/components-react";
import { useCallback, useSyncExternalStore } from "react";
import { mixContextOf } from "./join-connector.ts";

/**
 * Whether the page may play sound now, and how to start it from a gesture. LiveKit's own flag is
 * not enough when the room mixes through Web Audio (iOS): a muted media element that plays counts
 * as playback started while the browser still keeps the mix's context suspended, which would be
 * silence with no "Unmute audio". The mix context's own state decides too.
 */
export function useCanPlayAudio(): { canPlayAudio: boolean; startAudio: () => Promise<void> } {
  const room = useRoomContext();
  const { canPlayAudio, startAudio } = useAudioPlayback(room);
  const context = mixContextOf(room);
  const subscribe = useCallback(
    (notify: () => void) => {
      context?.addEventListener("statechange", notify);
      return () => context?.removeEventListener("statechange", notify);
    },
    [context],
  );
  const running = useSyncExternalStore(subscribe, () => !context || context.state === "running");
  const start = useCallback(async () => {
    // Resumed in the gesture itself: iOS honours a resume only there, not after LiveKit's awaits.
    void context?.resume().catch(() => undefined);
    await startAudio();
  }, [context, startAudio]);
  return { canPlayAudio: canPlayAudio && running, startAudio: start };
}
