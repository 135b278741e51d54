import { useEffect, useState, useSyncExternalStore } from "react";
import { requestInterpreterToken } from "./api.ts";
import { BoothController, type BoothMediaSnapshot } from "./booth-controller.ts";

/** The booth's media controller for a session: connected while mounted and `enabled`, released after. */
export function useBoothController(sessionId: string, enabled: boolean): [BoothController, BoothMediaSnapshot] {
  const [controller] = useState(() => new BoothController({ fetchDetails: () => requestInterpreterToken(sessionId) }));
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  useEffect(() => {
    if (!enabled) return;
    void controller.connect();
    return () => void controller.dispose();
  }, [controller, enabled]);
  return [controller, snapshot];
}
