import type { TConnectionDetails, TJoinRole } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";
import { AppError } from "../errors.ts";
import type { AuthUser } from "../http/request-context.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { checkJoinAccess } from "./access.ts";
import { computeGrants } from "./grants.ts";

/** Issues a short-lived LiveKit token for the user to enter a session's room in one role. */
export async function issueToken(
  deps: { sql: SqlQuery; livekit: Livekit },
  options: { user: AuthUser; sessionId: string; role: TJoinRole },
): Promise<TConnectionDetails> {
  const { sql, livekit } = deps;
  // One round trip for the session and the roles this user holds in it (hot path, see SqlQuery).
  const rows = await sql<{ id: string; status: SessionStatus; role: StaffRole | null; boothLanguage: string | null }>(
    `SELECT s.id, s.status, r.role, r."boothLanguage"
       FROM "Session" s LEFT JOIN "SessionRole" r ON r."sessionId" = s.id AND r."userId" = $2::uuid
      WHERE s.id = $1::uuid`,
    [options.sessionId, options.user.id],
  );
  const session = rows[0];
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  const { boothLanguage } = checkJoinAccess({
    requested: options.role,
    status: session.status,
    isOrganiser: options.user.isOrganiser,
    held: rows.flatMap((r) => (r.role ? [{ role: r.role, boothLanguage: r.boothLanguage }] : [])),
  });
  const { grants, attributes } = computeGrants({ role: options.role, sessionId: session.id, boothLanguage });
  await livekit.ensureRoom(grants.room);
  const { token, expiresAt } = await livekit.signToken({ identity: options.user.id, name: options.user.displayName, grants, attributes });
  return { serverUrl: livekit.serverUrl, roomName: grants.room, identity: options.user.id, token, expiresAt: expiresAt.toISOString(), grants };
}
