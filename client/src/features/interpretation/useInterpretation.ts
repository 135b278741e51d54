import { useEffect, useState, useSyncExternalStore } from "react";
import { useServices } from "../../app/services.ts";
import { InterpretationFollower, type InterpretationSocketLike, type InterpretationView } from "./interpretation-follower.ts";

const IDLE: InterpretationView = { connected: false, slowDowns: [], chat: [] };
const noSubscription = () => () => undefined;

/**
 * Follows a session's interpretation on the tab's shared socket (the session page's other
 * features use the same connection). The follower is undefined until the effect has started it.
 */
export function useInterpretation(sessionId: string, options: { console?: boolean } = {}): { follower: InterpretationFollower | undefined; view: InterpretationView } {
  const { sockets } = useServices();
  const isConsole = options.console ?? false;
  const [follower, setFollower] = useState<InterpretationFollower>();
  useEffect(() => {
    const lease = sockets.acquire();
    // The typed socket's overloads accept exactly the contract's events, which the follower uses.
    const next = new InterpretationFollower(lease.socket as unknown as InterpretationSocketLike, sessionId, isConsole);
    next.start();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the follower is an external resource made for this socket and disposed with it; holding it in state is what re-renders its users
    setFollower(next);
    return () => {
      next.stop();
      lease.release();
    };
  }, [sockets, sessionId, isConsole]);
  const view = useSyncExternalStore(follower?.subscribe ?? noSubscription, () => follower?.getSnapshot() ?? IDLE);
  return { follower, view };
}
