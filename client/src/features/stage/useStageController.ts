import { useEffect, useState, useSyncExternalStore } from "react";
import { useServices } from "../../app/services.ts";
import { requestStageToken } from "./api.ts";
import { StageController, type StageSnapshot } from "./stage-controller.ts";

/** The stage controller for a session and its current snapshot; releases devices on unmount. */
export function useStageController(sessionId: string): [StageController, StageSnapshot] {
  const { joins } = useServices();
  const [controller] = useState(() => new StageController({ fetchDetails: () => requestStageToken(joins, sessionId) }));
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  useEffect(() => () => void controller.dispose(), [controller]);
  return [controller, snapshot];
}
