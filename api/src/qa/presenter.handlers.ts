import { QA_EVENTS, ZPresenterAuth, ZQaSyncPayload } from "@plenary/shared";
import type { Logger } from "pino";
import { findUserByToken } from "../auth/find-user-by-token.ts";
import { AppError } from "../errors.ts";
import { readSessionCookie } from "../http/middleware.ts";
import { acknowledged } from "../realtime/ack.ts";
import { loginRoom, userRoom } from "../realtime/login-rooms.ts";
import { getQaSnapshot } from "./get-qa-snapshot.ts";
import { canDo, resolveQaAccess, type QaActor } from "./qa.access.ts";
import { presenterLinkRoom, qaPublicRoom, type PresenterNamespace } from "./qa.broadcast.ts";
import { toQuestion } from "./qa.mapper.ts";
import type { QaStore } from "./qa.repository.ts";
import { verifyPresenterToken } from "./presenter-links.ts";

/**
 * The venue screen's namespace. It is read-only by construction: the only event it accepts is
 * `qa:sync`, for the one session its link (or its user's moderator or stage role) was checked
 * for, and it hears only the public Q&A stream.
 */
export function setUpPresenterNamespace(presenters: PresenterNamespace, deps: { store: QaStore; logger: Logger }): void {
  const { store, logger } = deps;
  /** The signed-in staff's right to the screen, by the access policy; an unknown session is a no. */
  const mayPresent = (actor: QaActor, sessionId: string): Promise<boolean> =>
    resolveQaAccess(store.sql, actor, sessionId).then((access) => canDo(access, "qa.present"), () => false);

  presenters.use(async (socket, next) => {
    try {
      const auth = ZPresenterAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error("UNAUTHENTICATED"));
      if ("token" in auth.data) {
        const link = await verifyPresenterToken(store.sql, auth.data.token).catch(() => undefined);
        if (!link) return next(new Error("UNAUTHENTICATED"));
        socket.data = { sessionId: link.sessionId };
        await socket.join(presenterLinkRoom(link.sessionId));
        // The screen closes when its link expires, as a new handshake with it would then fail.
        // Links live a day at most (presenterLinkExpiry), well inside a timer's range.
        const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, Date.parse(link.expiresAt) - Date.now()));
        socket.once("disconnect", () => clearTimeout(expiry));
        return next();
      }
      const token = readSessionCookie(socket.handshake.headers.cookie);
      const user = await findUserByToken({ sql: store.sql, token });
      if (!user) return next(new Error("UNAUTHENTICATED"));
      const actor = { userId: user.id, isOrganiser: user.isOrganiser };
      if (!(await mayPresent(actor, auth.data.sessionId))) return next(new Error("FORBIDDEN"));
      socket.data = { sessionId: auth.data.sessionId, actor };
      // Authorised by the login and the user's role: logging out, or losing the role, closes it.
      await socket.join([loginRoom(token!), userRoom(user.id)]);
      next();
    } catch (err) {
      logger.error({ err }, "presenter auth failed");
      next(new Error("INTERNAL"));
    }
  });

  presenters.on("connection", (socket) => {
    socket.on(
      QA_EVENTS.sync,
      acknowledged(logger, ZQaSyncPayload, async ({ sessionId, sinceSeq }) => {
        if (sessionId !== socket.data.sessionId) throw new AppError("FORBIDDEN", "This screen may only show its own session.");
        // A role taken away between the handshake and this sync must not let the screen in.
        const { actor } = socket.data;
        if (actor && !(await mayPresent(actor, sessionId))) throw new AppError("FORBIDDEN", "You may no longer present this session.");
        await socket.join(qaPublicRoom(sessionId));
        const snapshot = await getQaSnapshot({ sql: store.sql, sessionId, view: "presenter", sinceSeq });
        return { ...snapshot, questions: snapshot.questions.map(toQuestion) };
      }),
    );
  });
}
