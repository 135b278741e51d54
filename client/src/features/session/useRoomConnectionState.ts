import { useRoomContext } from "@livekit/components-react";
import type { ConnectionState } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";
import { shownConnectionState, watchShownConnectionState } from "./media-transport.ts";

/**
 * The room's connection state as the page shows it, read from the room on every change: LiveKit's,
 * except "reconnecting" while the media it receives has lost the server (see media-transport.ts).
 * components-react's useConnectionState seeds its stream with the state seen at render time, so a
 * room that connects between render and subscription (ours start connecting at navigation time,
 * before React renders) would be shown as "connecting" for good.
 */
export function useRoomConnectionState(): ConnectionState {
  const room = useRoomContext();
  const subscribe = useCallback((onChange: () => void) => watchShownConnectionState(room, onChange), [room]);
  return useSyncExternalStore(subscribe, () => shownConnectionState(room));
}
