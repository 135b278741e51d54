import type { TRoleAssignment } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { listRoles } from "./list-roles.ts";

/** Removes one role assignment; returns the session's roles and whose role it was. */
export async function removeRole(options: { db: Db; sessionId: string; assignmentId: string }): Promise<{ roles: TRoleAssignment[]; userId: string }> {
  const { db, sessionId, assignmentId } = options;
  const assignment = await db.sessionRole.findFirst({ where: { id: assignmentId, sessionId }, select: { userId: true } });
  const { count } = await db.sessionRole.deleteMany({ where: { id: assignmentId, sessionId } });
  if (!assignment || count === 0) throw new AppError("NOT_FOUND", "That role assignment does not exist.");
  return { roles: await listRoles({ db, sessionId }), userId: assignment.userId };
}
