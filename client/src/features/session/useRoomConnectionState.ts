import { useRoomContext } from "@livekit/components-react";
import { type ConnectionState, RoomEvent } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

/**
 * The room's connection state, read from the room on every change. components-react's
 * useConnectionState seeds its stream with the state seen at render time, so a room that connects
 * between render and subscription (ours start connecting at navigation time, before React renders)
 * would be shown as "connecting" for good.
 */
export function useRoomConnectionState(): ConnectionState {
  const room = useRoomContext();
  const subscribe = useCallback(
    (onChange: () => void) => {
      room.on(RoomEvent.ConnectionStateChanged, onChange);
      return () => void room.off(RoomEvent.ConnectionStateChanged, onChange);
    },
    [room],
  );
  return useSyncExternalStore(subscribe, () => room.state);
}
