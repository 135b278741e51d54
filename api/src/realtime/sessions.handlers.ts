import { ZSessionJoinPayload, type TSession } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getSession } from "../sessions/sessions.service.ts";
import { acknowledged } from "./ack.ts";
import type { PlenarySocket, RealtimeDeps } from "./types.ts";

export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/**
 * Whether a user may follow a session's live channel: organisers always; staff of the session
 * until it ends; everyone else while it is live (the same rule as attending in LiveKit).
 */
export function followRule(input: { isOrganiser: boolean; isStaff: boolean; status: TSession["status"] }): boolean {
  if (input.isOrganiser) return true;
  if (input.isStaff) return input.status !== "ENDED";
  return input.status === "LIVE";
}

export async function canFollowSession(db: Db, userId: string, isOrganiser: boolean, session: TSession): Promise<boolean> {
  if (isOrganiser) return true;
  const staff = await db.sessionRole.count({ where: { sessionId: session.id, userId } });
  return followRule({ isOrganiser, isStaff: staff > 0, status: session.status });
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
