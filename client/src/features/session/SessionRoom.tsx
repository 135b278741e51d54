import { RoomContext } from "@livekit/components-react";
import type { Room } from "livekit-client";
import { AudioUnlock, ConnectionStatus } from "./ConnectionStatus.tsx";
import { ListenerChannels } from "../interpretation/ListenerChannels.tsx";
import { FloorAudio } from "./FloorAudio.tsx";
import { FloorView } from "./FloorView.tsx";

/** Renders the floor of a room the page's JoinController opened (it also owns leaving it). */
export function SessionRoom({ sessionId, room }: { sessionId: string; room: Room }) {
  return (
    <RoomContext value={room}>
      <div className="session-room">
        <div className="session-room__bar">
          <ConnectionStatus />
          <FloorAudio />
        </div>
        <AudioUnlock />
        {/* Interpretation: the listener's channel, played in this room alongside the floor. */}
        <ListenerChannels sessionId={sessionId} />
        <FloorView />
      </div>
    </RoomContext>
  );
}
