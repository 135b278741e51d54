import type { Livekit } from "../livekit/livekit.ts";
import { floorIdentities, type FloorView } from "./floor.rules.ts";

/**
 * A person's floor views connected to the room, in floor order (`floorIdentities`): the first holds
 * the floor. Each view is looked up by identity rather than by listing the room, which may hold
 * thousands of listeners.
 */
export async function connectedFloorViews(livekit: Livekit, room: string, userId: string): Promise<FloorView[]> {
  const views = await Promise.all(floorIdentities(userId).map(async (identity) => ({ identity, ...(await livekit.presence(room, identity)) })));
  return views.filter((v) => v.connected).map(({ identity, canPublish, role, openMicrophone }) => ({ identity, canPublish, role, openMicrophone }));
}
