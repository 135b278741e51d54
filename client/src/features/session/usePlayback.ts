import { useAudioPlayback, useRoomContext } from "@livekit/components-react";
import { useCallback, useSyncExternalStore } from "react";
import { resumeAudioContext } from "../../lib/audio-level.ts";

/**
 * Whether this page's room can be heard now, and the click handler that lets it. LiveKit's own
 * flag turns true as soon as a media element plays; where the room mixes through Web Audio (iOS)
 * its elements are muted and always play, while the AudioContext stays suspended until a tap, so
 * the context must be running too, or "Unmute audio" would vanish over silence.
 */
export function usePlayback(): { canPlay: boolean; start(): void } {
  const room = useRoomContext();
  const { canPlayAudio, startAudio } = useAudioPlayback(room);
  const mix = room.options.webAudioMix;
  const context = typeof mix === "object" ? mix.audioContext : undefined;
  const subscribe = useCallback(
    (changed: () => void) => {
      context?.addEventListener("statechange", changed);
      return () => context?.removeEventListener("statechange", changed);
    },
    [context],
  );
  const running = useSyncExternalStore(subscribe, () => context === undefined || context.state === "running");
  const start = useCallback(() => {
    // In the tap itself: iOS resumes a context only inside the gesture, and startAudio awaits first.
    resumeAudioContext();
    void startAudio();
  }, [startAudio]);
  return { canPlay: canPlayAudio && running, start };
}
