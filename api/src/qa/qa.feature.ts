import { PRESENTER_NAMESPACE } from "@plenary/shared";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";
import { disconnectEverywhere } from "../realtime/everywhere.ts";
import type { SocketFeature } from "../realtime/socket-server.ts";
import type { PlenaryServer } from "../realtime/types.ts";
import { findStaleVoteCounts, flushVoteCounts } from "./flush-vote-counts.ts";
import { setUpPresenterNamespace } from "./presenter.handlers.ts";
import { createQaBroadcaster, presenterLinkRoom, type PresenterNamespace } from "./qa.broadcast.ts";
import { registerQaHandlers } from "./qa.handlers.ts";
import type { QaStore } from "./qa.repository.ts";
import { qaRoutes } from "./qa.routes.ts";
import { createVoteCoalescer } from "./vote-coalescer.ts";

/**
 * Builds live Q&A: the socket handlers, the presenter namespace, the vote-count coalescer and
 * the REST routes, from injected dependencies.
 */
export function createQaFeature(deps: { store: QaStore; io: PlenaryServer; config: Config; logger: Logger; limiter: LimiterFactory }) {
  const { store, io, config, logger } = deps;
  const presenters = io.of(PRESENTER_NAMESPACE) as unknown as PresenterNamespace;
  const broadcaster = createQaBroadcaster(io, presenters);
  const votes = createVoteCoalescer({
    intervalMs: config.qa.voteFlushMs,
    flush: async (sessionId, questionIds) => {
      const change = await flushVoteCounts({ store, sessionId, questionIds });
      if (change) broadcaster.publish(change);
    },
    onError: (err, sessionId) => logger.error({ err, sessionId }, "vote count flush failed"),
  });
  const limits = {
    questions: deps.limiter("qa-ask", config.rateLimits.questionsPerMinute, 60),
    votes: deps.limiter("qa-vote", config.rateLimits.votesPerSecond, 1),
    // Far above what reconnects and gap resyncs need; it only stops a client hammering the database.
    syncs: deps.limiter("qa-sync", 30, 10),
  };
  setUpPresenterNamespace(presenters, { store, logger });
  const onConnection: SocketFeature = (socket) => registerQaHandlers(socket, { store, logger, broadcaster, votes, limits });

  return {
    onConnection,
    presenters,
    routes: qaRoutes({ store, onPresenterLinksRevoked: (sessionId) => disconnectEverywhere(presenters, presenterLinkRoom(sessionId)) }),
    /** Makes counts exact again after a crash left votes unflushed, and tells clients. */
    async reconcileVoteCounts(): Promise<void> {
      for (const [sessionId, questionIds] of await findStaleVoteCounts(store)) {
        const change = await flushVoteCounts({ store, sessionId, questionIds });
        if (change) broadcaster.publish(change);
      }
    },
    close: async () => {
      await votes.drain();
      votes.close();
    },
  };
}
