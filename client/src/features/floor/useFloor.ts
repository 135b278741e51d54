import { useEffect, useState, useSyncExternalStore } from "react";
import { useServices } from "../../app/services.ts";
import type { SocketLease } from "../../lib/socket.ts";
import { FloorFollower, type FloorSocketLike, type FloorView } from "./floor-follower.ts";

const IDLE: FloorView = { connected: false, synced: false, mine: null, canTake: false, canChair: false, offsetMs: 0, messages: [] };
const noSubscription = () => () => undefined;

/** A session's floor, followed on the tab's shared socket or on one `open` gives (stable across renders). */
export interface UseFloor {
  /** Undefined until the effect has started it. */
  follower: FloorFollower | undefined;
  view: FloorView;
}

/**
 * Follows a session's floor (see {@link FloorFollower}); one per page, handed to its parts.
 * `presenter` is for the read-only namespace, which has no `floor:leave`.
 */
export function useFloor(sessionId: string, options: { open?: () => SocketLease; presenter?: boolean } = {}): UseFloor {
  const { sockets } = useServices();
  const open = options.open ?? sockets.acquire;
  const presenter = options.presenter ?? false;
  const [follower, setFollower] = useState<FloorFollower>();
  useEffect(() => {
    const lease = open();
    // The typed socket's overloads accept exactly the contract's events, which the follower uses.
    const next = new FloorFollower(lease.socket as unknown as FloorSocketLike, sessionId);
    next.start();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the follower is an external resource made for this socket and disposed with it; holding it in state is what re-renders its users
    setFollower(next);
    return () => {
      next.stop({ leave: !presenter });
      lease.release();
    };
  }, [open, sessionId, presenter]);
  const view = useSyncExternalStore(follower?.subscribe ?? noSubscription, () => follower?.getSnapshot() ?? IDLE);
  return { follower, view };
}
