import type { TBoothsState, TChannel } from "@plenary/shared";
import { useCallback, useRef, useState } from "react";
import type { BoothController } from "./booth-controller.ts";
import type { InterpretationAck, InterpretationFollower } from "./interpretation-follower.ts";

/** A booth action the console names in its messages. */
export type BoothAction = "take" | "offer" | "accept" | "release" | "mic-on" | "mic-off" | "relay" | "slow-down" | "chat";
/** Why an action failed, for a translated message. */
export type BoothActionError = "partner-on-air" | "relay-loop" | "conflict" | "forbidden" | "network" | "failed";

const EVENTS = {
  take: "interpretation:take",
  offer: "interpretation:offer",
  accept: "interpretation:accept",
  release: "interpretation:release",
} as const;

function errorOf(action: BoothAction, ack: InterpretationAck<unknown>): BoothActionError | undefined {
  if (!("error" in ack)) return undefined;
  switch (ack.error.code) {
    case "CONFLICT":
      return action === "take" ? "partner-on-air" : action === "relay" ? "relay-loop" : "conflict";
    case "FORBIDDEN":
      return "forbidden";
    case "NETWORK":
      return "network";
    default:
      return "failed";
  }
}

/**
 * The booth's requests, each acknowledged: the console applies the booths in the answer at once
 * and says what happened (or why not). The cough closes the microphone locally before asking.
 */
export function useBoothActions(sessionId: string, follower: InterpretationFollower | undefined, controller: BoothController) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BoothActionError>();
  const [done, setDone] = useState<BoothAction>();
  const coughing = useRef(false);

  const run = useCallback(
    async (action: BoothAction, request: () => Promise<InterpretationAck<unknown>>): Promise<boolean> => {
      setBusy(true);
      const ack = await request();
      setBusy(false);
      setError(errorOf(action, ack));
      setDone("data" in ack ? action : undefined);
      return "data" in ack;
    },
    [],
  );
  const boothRequest = useCallback(
    (ack: Promise<InterpretationAck<TBoothsState>>) => async () => {
      const answer = await ack;
      if ("data" in answer) follower?.acceptBooths(answer.data);
      return answer;
    },
    [follower],
  );

  const act = (action: "take" | "offer" | "accept" | "release" | "mic-on" | "mic-off") => {
    if (!follower) return Promise.resolve(false);
    const request =
      action === "mic-on" || action === "mic-off"
        ? follower.send("interpretation:mic", { sessionId, on: action === "mic-on" })
        : follower.send(EVENTS[action], { sessionId });
    return run(action, boothRequest(request));
  };

  const cough = useCallback(
    (held: boolean) => {
      if (coughing.current === held) return;
      coughing.current = held;
      void controller.setCough(held);
      void follower?.send("interpretation:cough", { sessionId, on: held });
    },
    [controller, follower, sessionId],
  );

  return {
    busy,
    error,
    done,
    act,
    cough,
    relay: (source: TChannel) => (follower ? run("relay", boothRequest(follower.send("interpretation:relay", { sessionId, source }))) : Promise.resolve(false)),
    slowDown: () => (follower ? run("slow-down", () => follower.send("interpretation:slow-down", { sessionId })) : Promise.resolve(false)),
    chat: async (text: string) => {
      if (!follower) return false;
      const ack = await follower.send("interpretation:chat", { sessionId, text });
      if ("data" in ack) follower.addOwnChat(ack.data);
      setError(errorOf("chat", ack));
      return "data" in ack;
    },
  };
}
