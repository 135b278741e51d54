import type { Room } from "livekit-client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { FloorMediaController, type FloorHandoff, type FloorMediaSnapshot } from "./floor-media.ts";

const IDLE: FloorMediaSnapshot = { state: "idle", selfMuted: false, chairMuted: false, sharing: false };
const noSubscription = () => () => undefined;

/**
 * The floor media of this page's room (undefined until the room is there). The controller lives as
 * long as the component using it: unmounting it (the floor ended, the page closed) unpublishes and
 * releases the microphone and camera. When the page's room is replaced (a full rejoin) while the
 * person is live, the next room's controller goes live again by itself.
 */
export function useFloorMedia(room: Room | undefined): { media: FloorMediaController | undefined; snapshot: FloorMediaSnapshot } {
  const [held, setHeld] = useState<{ room: Room; media: FloorMediaController }>();
  const handoff = useRef<FloorHandoff | undefined>(undefined);
  useEffect(() => {
    if (!room) return;
    const media = new FloorMediaController({ participant: room.localParticipant });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the controller holds devices and room listeners, made for this room and disposed with it
    setHeld({ room, media });
    const resume = handoff.current;
    handoff.current = undefined;
    if (resume) void media.resume(resume);
    return () => {
      handoff.current = media.handoff();
      void media.dispose();
    };
  }, [room]);
  const media = held?.room === room ? held?.media : undefined;
  const snapshot = useSyncExternalStore(media?.subscribe ?? noSubscription, () => media?.getSnapshot() ?? IDLE);
  return { media, snapshot };
}
