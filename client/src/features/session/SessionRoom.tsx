import { RoomContext } from "@livekit/components-react";
import type { Room } from "livekit-client";
import { Player } from "./Player.tsx";

/** Renders the floor of a room the page's JoinController opened (it also owns leaving it). */
export function SessionRoom({ sessionId, room }: { sessionId: string; room: Room }) {
  return (
    <RoomContext value={room}>
      <Player sessionId={sessionId} />
    </RoomContext>
  );
}
