import type { TQaMode } from "@plenary/shared";
import { authorize, can, type Action, type PolicyInput } from "../access/policy.ts";
import type { SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";

/** Who is acting: the signed-in user as the socket or request knows them. */
export interface QaActor {
  userId: string;
  isOrganiser: boolean;
}

/** A session's Q&A as one actor sees it: what the access policy needs, plus the Q&A mode. */
export interface QaAccess {
  sessionId: string;
  status: SessionStatus;
  mode: TQaMode;
  policy: PolicyInput;
}

export const canDo = (access: QaAccess, action: Action): boolean => can(access.policy, action);

/** SQL for the roles the user ($2) holds in the session `s`, as a text array. */
export const ROLES_OF_USER = `ARRAY(SELECT r.role::text FROM "SessionRole" r WHERE r."sessionId" = s.id AND r."userId" = $2::uuid)`;

/** Builds the access from a row that selected the session's status, mode and ROLES_OF_USER. */
export function accessFrom(actor: QaActor, row: { sessionId: string; status: SessionStatus; mode: TQaMode; roles: string[] }): QaAccess {
  return {
    sessionId: row.sessionId,
    status: row.status,
    mode: row.mode,
    policy: { roles: row.roles as StaffRole[], status: row.status, isOrganiser: actor.isOrganiser },
  };
}

/** Works out what the actor may do in a session's Q&A, in one query. Throws NOT_FOUND for unknown sessions. */
export async function resolveQaAccess(sql: SqlQuery, actor: QaActor, sessionId: string): Promise<QaAccess> {
  const [row] = await sql<{ status: SessionStatus; mode: TQaMode; roles: string[] }>(
    `SELECT s.status::text AS status, s."qaMode"::text AS mode, ${ROLES_OF_USER} AS roles FROM "Session" s WHERE s.id = $1::uuid`,
    [sessionId, actor.userId],
  );
  if (!row) throw new AppError("NOT_FOUND", "Session not found.");
  return accessFrom(actor, { sessionId, ...row });
}

/** Resolves the actor's access and throws the policy's refusal unless `action` is allowed. */
export async function requireAction(sql: SqlQuery, actor: QaActor, sessionId: string, action: Action): Promise<QaAccess> {
  const access = await resolveQaAccess(sql, actor, sessionId);
  authorize(access.policy, action);
  return access;
}
