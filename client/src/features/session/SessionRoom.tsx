import { RoomContext } from "@livekit/components-react";
import type { Room } from "livekit-client";
import type { FloorPlayer } from "./floor-player.ts";
import { Player } from "./Player.tsx";

/** Renders the floor of a room the page's JoinController opened (it also owns leaving it). */
export function SessionRoom({ sessionId, room, floor }: { sessionId: string; room: Room; floor: FloorPlayer | undefined }) {
  return (
    <RoomContext value={room}>
      <Player sessionId={sessionId} floor={floor} />
    </RoomContext>
  );
}
