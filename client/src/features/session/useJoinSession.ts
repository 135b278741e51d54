import type { TJoinRole, TJoinView, TSession } from "@plenary/shared";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useServices } from "../../app/services.ts";
import { JoinController, type JoinState } from "./join-controller.ts";

/** The join state of the page and its "Try again". */
export interface JoinSession {
  state: JoinState;
  retry(): void;
}

/** Joins the session's room in `role` from `view` once its status is known (see {@link JoinController}). */
export function useJoinSession(sessionId: string, role: TJoinRole, status: TSession["status"] | undefined, view: TJoinView = "session"): JoinSession {
  const { joins } = useServices();
  const controller = useMemo(() => new JoinController({ connector: joins, sessionId, role, view }), [joins, sessionId, role, view]);
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  useEffect(() => {
    if (status) controller.open(status);
  }, [controller, status]);
  useEffect(() => () => controller.close(), [controller]);
  return { state, retry: controller.retry };
}
