import { ZSessionJoinPayload, type TSession } from "@plenary/shared";
import { can } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { acknowledged } from "../realtime/ack.ts";
import type { PlenaryServer, PlenarySocket, RealtimeDeps } from "../realtime/types.ts";
import { getSession } from "./sessions.service.ts";

/** The Socket.IO room of everyone following a session's live channel. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** Whether the user may follow a session's live channel, by the access policy. */
export async function canFollowSession(db: Db, userId: string, isOrganiser: boolean, session: TSession): Promise<boolean> {
  const roles = isOrganiser ? [] : (await db.sessionRole.findMany({ where: { sessionId: session.id, userId }, select: { role: true } })).map((r) => r.role);
  return can({ roles, status: session.status, isOrganiser }, "session.follow");
}

/** The sessions feature's socket side: following a session's live channel, and its broadcasts. */
export function createSessionsSocketFeature(deps: RealtimeDeps & { io: PlenaryServer }) {
  const { db, logger, io } = deps;
  return {
    onConnection(socket: PlenarySocket): void {
      socket.on(
        "session:join",
        acknowledged(logger, ZSessionJoinPayload, async ({ sessionId }) => {
          const session = await getSession(db, sessionId);
          if (!(await canFollowSession(db, socket.data.userId, socket.data.isOrganiser, session))) {
            throw new AppError("FORBIDDEN", "You cannot join this session.");
          }
          await socket.join(sessionRoom(sessionId));
          if (!socket.data.joinedSessions.includes(sessionId)) socket.data.joinedSessions.push(sessionId);
          return { session };
        }),
      );

      socket.on(
        "session:leave",
        acknowledged(logger, ZSessionJoinPayload, async ({ sessionId }) => {
          await socket.leave(sessionRoom(sessionId));
          socket.data.joinedSessions = socket.data.joinedSessions.filter((id) => id !== sessionId);
          return { left: true as const };
        }),
      );
    },
    /** Tells every follower of the session that it changed (status, times, details). */
    broadcastSessionUpdated(session: TSession): void {
      io.to(sessionRoom(session.id)).emit("session:updated", { session });
    },
  };
}
