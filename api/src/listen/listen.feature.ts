import { roomNameFor, type TListenLink } from "@plenary/shared";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { InterpretationBroadcaster } from "../interpretation/interpretation.broadcast.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { disconnectEverywhere } from "../realtime/everywhere.ts";
import type { ListenNamespace } from "../realtime/types.ts";
import { guestIdentityPrefix } from "./guest-token.ts";
import type { ListenStore } from "./listen-links.ts";
import { listenLinkRoom, setUpListenNamespace } from "./listen.handlers.ts";
import { listenRoutes } from "./listen.routes.ts";

/**
 * Builds the listen-only page's server side: guest links (REST), the guest token exchange and the
 * guest namespace, sharing interpretation's broadcaster so guests hear the same state as members.
 */
export function createListenFeature(deps: { config: Config; store: ListenStore; guests: ListenNamespace; broadcaster: InterpretationBroadcaster; livekit: Livekit; logger: Logger; limiter: LimiterFactory }) {
  const { store, guests, broadcaster, livekit, logger } = deps;
  setUpListenNamespace(guests, { store, broadcaster, logger, selects: deps.limiter("listen-select", 20, 10) });

  /** A revoke bites at once: the link's sockets close on every api process and its guests leave the room. */
  async function onRevoked(link: TListenLink): Promise<void> {
    disconnectEverywhere(guests, listenLinkRoom(link.id));
    await livekit.removeParticipants(roomNameFor(link.sessionId), guestIdentityPrefix(link.id)).catch((err: unknown) => {
      logger.warn({ err, linkId: link.id }, "revoked link's guests not removed from the room");
    });
  }

  const limits = {
    // A hall's phones may share one address behind the venue's Wi-Fi: generous per address, and
    // per link enough for a full room scanning the code at once.
    perAddress: deps.limiter("listen-token-ip", deps.config.rateLimits.guestTokensPerMinute, 60),
    perLink: deps.limiter("listen-token-link", 600, 60),
  };
  return { routes: listenRoutes({ store, livekit, limits, onRevoked }) };
}
