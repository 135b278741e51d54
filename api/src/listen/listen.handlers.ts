import { ZInterpretationSessionPayload, ZListenAuth, ZSelectChannelPayload } from "@plenary/shared";
import type { Logger } from "pino";
import { authorize } from "../access/policy.ts";
import { AppError, toPublicError } from "../errors.ts";
import { interpretationRoom, listenersRoom, type InterpretationBroadcaster } from "../interpretation/interpretation.broadcast.ts";
import { loadSnapshot, publicState } from "../interpretation/interpretation.repository.ts";
import { endListening, recordChannel } from "../interpretation/listener-records.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import { acknowledged } from "../realtime/ack.ts";
import type { ListenNamespace } from "../realtime/types.ts";
import { guestPolicy } from "./guest-token.ts";
import { recheckListenLink, verifyListenToken, type ListenStore } from "./listen-links.ts";

/** Every socket opened with one link, so that revoking it closes them on every api process. */
export const listenLinkRoom = (linkId: string): string => `listen-link:${linkId}`;

/**
 * The guest listeners' namespace. It is listen-only by construction: the handshake needs a valid
 * link token, and the only events it accepts are `interpretation:sync` and `interpretation:select`
 * for the link's own session, each re-checking that the link is still good. Guests hear the same
 * state pushes as members (the broadcaster emits to the same room names here), and their listening
 * time is recorded against the link.
 */
export function setUpListenNamespace(guests: ListenNamespace, deps: { store: ListenStore; broadcaster: InterpretationBroadcaster; logger: Logger; selects: Limiter }): void {
  const { store, broadcaster, logger } = deps;

  guests.use(async (socket, next) => {
    try {
      const auth = ZListenAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error("UNAUTHENTICATED"));
      const link = await verifyListenToken(store.sql, auth.data.token);
      socket.data = { linkId: link.id, sessionId: link.sessionId };
      await socket.join(listenLinkRoom(link.id));
      // An expired link is refused at its first request anyway; closing the socket at the expiry
      // also stops the state pushes it would otherwise keep receiving.
      const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, Date.parse(link.expiresAt) - Date.now()));
      socket.once("disconnect", () => clearTimeout(expiry));
      next();
    } catch (err) {
      if (!(err instanceof AppError)) logger.error({ err }, "guest listener auth failed");
      next(new Error(toPublicError(err).code));
    }
  });

  guests.on("connection", (socket) => {
    const { linkId } = socket.data;
    const listenerKey = `guest:${linkId}:${socket.id}`;

    /** The link must still be good and the session open to listeners, at every request. */
    async function checkAccess(sessionId: string): Promise<void> {
      if (sessionId !== socket.data.sessionId) throw new AppError("FORBIDDEN", "This link is for another session.");
      const link = await recheckListenLink(store.sql, linkId);
      authorize(guestPolicy(link.status), "interpretation.listen");
    }

    socket.on(
      "interpretation:sync",
      acknowledged(logger, ZInterpretationSessionPayload, async ({ sessionId }) => {
        await checkAccess(sessionId);
        await socket.join(interpretationRoom(sessionId));
        return { state: publicState(sessionId, await loadSnapshot(store.sql, sessionId)), booths: null };
      }),
    );

    socket.on(
      "interpretation:select",
      acknowledged(logger, ZSelectChannelPayload, async ({ sessionId, channel }) => {
        await deps.selects.consume(listenerKey);
        await checkAccess(sessionId);
        const [state] = await Promise.all([
          loadSnapshot(store.sql, sessionId).then((snap) => publicState(sessionId, snap)),
          recordChannel(store.sql, { sessionId, listener: { listenLinkId: linkId }, key: listenerKey, channel }),
        ]);
        socket.data.listening = { ...socket.data.listening, [sessionId]: channel };
        await socket.join([interpretationRoom(sessionId), listenersRoom(sessionId)]);
        broadcaster.countsChanged(sessionId);
        return { channel, state };
      }),
    );

    // Anything else is refused in words, so a client learns it from the ack instead of a timeout.
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (event === "interpretation:sync" || event === "interpretation:select" || typeof ack !== "function") return;
      ack({ error: { code: "FORBIDDEN", message: "A listen link can only listen." } });
    });

    socket.on("disconnect", () => {
      void endListening(store.sql, listenerKey).catch((err: unknown) => logger.warn({ err }, "guest listener record not closed"));
      if (socket.data.listening) broadcaster.countsChanged(socket.data.sessionId);
    });
  });
}
