import type { TInterpretationState } from "@plenary/shared";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { ListenerChoice } from "./channels.ts";
import { ListenerController, type ListenerControllerOptions, type ListenerSnapshot, type RoomLike } from "./listener-controller.ts";

const noSubscription = () => () => undefined;
const NOTHING: ListenerSnapshot = { mix: { interpreter: null, floorVolume: 1, status: "floor" } };

/** Props of {@link useListenerController}. */
export interface ListenerControllerInput {
  room: RoomLike | undefined;
  state: TInterpretationState | undefined;
  choice: ListenerChoice;
  /** Scales everything played (0..1). */
  volume?: number;
  options?: ListenerControllerOptions;
}

/** A listener controller on `room`, fed with the state and the choice; released on unmount. */
export function useListenerController({ room, state, choice, volume = 1, options }: ListenerControllerInput): ListenerSnapshot {
  const [controller, setController] = useState<ListenerController>();
  const { strategy, playFloor, measure } = options ?? {};
  useEffect(() => {
    if (!room) return;
    const next = new ListenerController(room, choice, { strategy, playFloor, measure });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the controller is an external resource made for this room and disposed with it; holding it in state is what re-renders its users
    setController(next);
    return () => next.dispose();
    // The choice reaches a running controller through setChoice below, not by rebuilding it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the line above
  }, [room, strategy, playFloor, measure]);
  useEffect(() => controller?.setState(state), [controller, state]);
  useEffect(() => controller?.setChoice(choice), [controller, choice]);
  useEffect(() => controller?.setMasterVolume(volume), [controller, volume]);
  return useSyncExternalStore(controller?.subscribe ?? noSubscription, () => controller?.getSnapshot() ?? NOTHING);
}
