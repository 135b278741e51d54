import { useEffect, useState, useSyncExternalStore } from "react";
import { requestStageToken } from "./api.ts";
import { StageController, type StageSnapshot } from "./stage-controller.ts";

/** The stage controller for a session and its current snapshot; releases devices on unmount. */
export function useStageController(sessionId: string): [StageController, StageSnapshot] {
  const [controller] = useState(() => new StageController({ fetchDetails: () => requestStageToken(sessionId) }));
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  useEffect(() => () => void controller.dispose(), [controller]);
  return [controller, snapshot];
}
