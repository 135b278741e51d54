import { parseIdentity, roomNameFor, type TSession } from "@plenary/shared";
import type { Logger } from "pino";
import type { Db } from "../db/client.ts";
import type { Livekit } from "./livekit.ts";

/** Applies organiser decisions to people already in a session's room. */
export interface RoomEnforcement {
  /** An ended session's room is closed: everyone in it is disconnected, and no token re-admits them. */
  sessionUpdated(session: TSession): Promise<void>;
  /** Someone who no longer holds any role in the session keeps listening but stops publishing, in every view they have open. */
  staffRemoved(sessionId: string, userId: string): Promise<void>;
}

/**
 * LiveKit checks a token only when a participant joins, so a decision taken while people are in
 * the room (closing the session, taking a speaker's role away) would otherwise wait up to a token's
 * lifetime. The database change has already been made when these run; a LiveKit failure is logged,
 * not returned, since the organiser's change itself succeeded.
 */
export function createRoomEnforcement(deps: { db: Db; livekit: Livekit; logger: Logger }): RoomEnforcement {
  const { db, livekit, logger } = deps;
  const attempt = (action: string, sessionId: string, work: () => Promise<void>) =>
    work().catch((err: unknown) => logger.warn({ err, action, sessionId }, "LiveKit did not apply the change to the live room"));
  return {
    async sessionUpdated(session) {
      if (session.status !== "ENDED") return;
      await attempt("close-room", session.id, () => livekit.closeRoom(roomNameFor(session.id)));
    },
    async staffRemoved(sessionId, userId) {
      const [remaining, user] = await Promise.all([
        db.sessionRole.count({ where: { sessionId, userId } }),
        db.user.findUnique({ where: { id: userId }, select: { isOrganiser: true } }),
      ]);
      // Organisers may moderate any session whatever roles they hold (access/policy.ts).
      if (remaining > 0 || user?.isOrganiser) return;
      const room = roomNameFor(sessionId);
      // Each view of theirs (booth console, stage, speaker view, session page) is its own participant.
      await attempt("restrict-to-listening", sessionId, async () => {
        const theirs = (await livekit.listIdentities(room)).filter((identity) => parseIdentity(identity)?.userId === userId);
        await Promise.all(theirs.map((identity) => livekit.restrictToListening(room, identity)));
      });
    },
  };
}
