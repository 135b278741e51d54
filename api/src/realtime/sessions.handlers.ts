import { ZSessionJoinPayload, type TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getSession } from "../sessions/sessions.service.ts";
import { acknowledged } from "./ack.ts";
import type { PlenarySocket, RealtimeDeps } from "./types.ts";

export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/**
 * Whether a user may follow a session's live channel: staff of the session and organisers always;
 * everyone else once it is live (the same rule as attending in LiveKit).
 */
export async function canFollowSession(db: Db, userId: string, isOrganiser: boolean, session: TSession): Promise<boolean> {
  if (isOrganiser) return true;
  const staff = await db.sessionRole.count({ where: { sessionId: session.id, userId } });
  if (staff > 0) return session.status !== "ENDED";
  return session.status === "LIVE";
}

export function registerSessionHandlers(socket: PlenarySocket, deps: RealtimeDeps): void {
  const { db, logger } = deps;

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
}
