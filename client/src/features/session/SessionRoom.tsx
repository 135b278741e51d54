import { LiveKitRoom } from "@livekit/components-react";
import type { TConnectionDetails } from "@plenary/shared";
import type { Room } from "livekit-client";
import { AudioUnlock, ConnectionStatus } from "./ConnectionStatus.tsx";
import { ListenerChannels } from "../interpretation/ListenerChannels.tsx";
import { FloorAudio } from "./FloorAudio.tsx";
import { FloorView } from "./FloorView.tsx";
import { ROOM_OPTIONS } from "./preconnect.ts";
import type { JoinSession } from "./useJoinSession.ts";

/** Props for {@link SessionRoom}. */
export interface SessionRoomProps {
  sessionId: string;
  details: TConnectionDetails;
  /** A room already connecting with `details` (started at navigation time), if there is one. */
  room?: Room;
  join: Pick<JoinSession, "onConnected" | "onDisconnected" | "onError">;
}

/** Connects to the session's LiveKit room as a listener and renders the floor. */
export function SessionRoom({ sessionId, details, room, join }: SessionRoomProps) {
  return (
    <LiveKitRoom
      room={room}
      serverUrl={details.serverUrl}
      token={details.token}
      connect
      audio={false}
      video={false}
      // A room started at navigation already has its options (LiveKitRoom warns on every render otherwise).
      options={room ? undefined : ROOM_OPTIONS}
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
      {/* Interpretation: the listener's channel, played in this room alongside the floor. */}
      <ListenerChannels sessionId={sessionId} />
      <FloorView />
    </LiveKitRoom>
  );
}
