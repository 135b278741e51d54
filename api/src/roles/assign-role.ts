import type { TAssignRoleRequest, TRoleAssignment } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { checkBoothLanguage } from "./check-booth-language.ts";
import { listRoles } from "./list-roles.ts";

/**
 * Gives a registered user a role in a session; assigning the same role twice is a no-op, except
 * that an interpreter's booth language is replaced. Returns the session's roles and whose role it is.
 */
export async function assignRole(options: { db: Db; sessionId: string; input: TAssignRoleRequest }): Promise<{ roles: TRoleAssignment[]; userId: string }> {
  const { db, sessionId, input } = options;
  await checkBoothLanguage({ db, sessionId, role: input.role, boothLanguage: input.boothLanguage });
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "No registered user has that email. Send them an invitation link instead.");
  await db.sessionRole.upsert({
    where: { sessionId_userId_role: { sessionId, userId: user.id, role: input.role } },
    create: { sessionId, userId: user.id, role: input.role, boothLanguage: input.boothLanguage ?? null },
    update: { boothLanguage: input.boothLanguage ?? null },
  });
  return { roles: await listRoles({ db, sessionId }), userId: user.id };
}
