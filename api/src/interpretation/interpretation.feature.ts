import type { Logger } from "pino";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { SocketFeature } from "../realtime/socket-server.ts";
import type { ListenNamespace, PlenaryServer } from "../realtime/types.ts";
import { createInterpretationBroadcaster } from "./interpretation.broadcast.ts";
import { registerInterpretationHandlers } from "./interpretation.handlers.ts";
import type { InterpretationStore } from "./interpretation.repository.ts";

/** Builds simultaneous interpretation: booth control, channel selection and their broadcasts. */
export function createInterpretationFeature(deps: { store: InterpretationStore; io: PlenaryServer; guests?: ListenNamespace; livekit: Livekit; logger: Logger; limiter: LimiterFactory }) {
  const { store, io, guests, livekit, logger } = deps;
  const broadcaster = createInterpretationBroadcaster({ io, guests, store, livekit, logger });
  const limits = {
    // A listener flicking through channels is fine; a script hammering the database is not.
    selects: deps.limiter("interp-select", 20, 10),
    signals: deps.limiter("interp-signal", 30, 60),
  };
  const onConnection: SocketFeature = (socket) => registerInterpretationHandlers(socket, { store, logger, broadcaster, limits });
  return { onConnection, broadcaster, close: () => broadcaster.close() };
}
