import { LiveKitRoom } from "@livekit/components-react";
import type { TConnectionDetails } from "@plenary/shared";
import type { RoomOptions } from "livekit-client";
import { AudioUnlock, ConnectionStatus } from "./ConnectionStatus.tsx";
import { FloorAudio } from "./FloorAudio.tsx";
import { FloorView } from "./FloorView.tsx";
import type { JoinSession } from "./useJoinSession.ts";

// Listeners only receive: adaptive stream sizes video to the element, dynacast pauses unused layers.
const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true };

/** Props for {@link SessionRoom}. */
export interface SessionRoomProps {
  details: TConnectionDetails;
  join: Pick<JoinSession, "onConnected" | "onDisconnected" | "onError">;
}

/** Connects to the session's LiveKit room as a listener and renders the floor. */
export function SessionRoom({ details, join }: SessionRoomProps) {
  return (
    <LiveKitRoom
      serverUrl={details.serverUrl}
      token={details.token}
      connect
      audio={false}
      video={false}
      options={ROOM_OPTIONS}
      onConnected={join.onConnected}
      onDisconnected={join.onDisconnected}
      onError={join.onError}
      className="session-room"
    >
      <div className="session-room__bar">
        <ConnectionStatus />
        <FloorAudio />
      </div>
      <AudioUnlock />
      <FloorView />
    </LiveKitRoom>
  );
}
