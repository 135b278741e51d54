import type { TQaMode } from "@plenary/shared";
import type { SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";
import { followRule } from "../realtime/sessions.handlers.ts";

/** Who is acting: the signed-in user as the socket or request knows them. */
export interface QaActor {
  userId: string;
  isOrganiser: boolean;
}

export interface QaAccess {
  sessionId: string;
  status: SessionStatus;
  mode: TQaMode;
  /** Members of the session (the session:join rule) and its moderators read its Q&A. */
  canRead: boolean;
  /** The session's moderators and organisers moderate; nobody else. */
  canModerate: boolean;
  /** May open the venue screen without a link: moderators, stage operators, organisers. */
  canPresent: boolean;
}

/** The access rule itself, from the session's status and the roles the actor holds in it. */
export function accessFrom(actor: QaActor, session: { id: string; status: SessionStatus; mode: TQaMode; roles: string[] }): QaAccess {
  const canModerate = actor.isOrganiser || session.roles.includes("MODERATOR");
  return {
    sessionId: session.id,
    status: session.status,
    mode: session.mode,
    canRead: canModerate || followRule({ isOrganiser: actor.isOrganiser, isStaff: session.roles.length > 0, status: session.status }),
    canModerate,
    canPresent: canModerate || session.roles.includes("STAGE"),
  };
}

/** SQL for the roles the user ($2) holds in the session `s`, as a text array. */
export const ROLES_OF_USER = `ARRAY(SELECT r.role::text FROM "SessionRole" r WHERE r."sessionId" = s.id AND r."userId" = $2::uuid)`;

/** Works out what the actor may do in a session's Q&A, in one query. Throws NOT_FOUND for unknown sessions. */
export async function resolveQaAccess(sql: SqlQuery, actor: QaActor, sessionId: string): Promise<QaAccess> {
  const [row] = await sql<{ status: SessionStatus; mode: TQaMode; roles: string[] }>(
    `SELECT s.status::text AS status, s."qaMode"::text AS mode, ${ROLES_OF_USER} AS roles FROM "Session" s WHERE s.id = $1::uuid`,
    [sessionId, actor.userId],
  );
  if (!row) throw new AppError("NOT_FOUND", "Session not found.");
  return accessFrom(actor, { id: sessionId, ...row });
}

export async function requireReader(sql: SqlQuery, actor: QaActor, sessionId: string): Promise<QaAccess> {
  const access = await resolveQaAccess(sql, actor, sessionId);
  if (!access.canRead) throw new AppError("FORBIDDEN", "You are not a member of this session.");
  return access;
}

export async function requireModerator(sql: SqlQuery, actor: QaActor, sessionId: string): Promise<QaAccess> {
  const access = await resolveQaAccess(sql, actor, sessionId);
  if (!access.canModerate) throw new AppError("FORBIDDEN", "Only moderators of this session can do this.");
  return access;
}
