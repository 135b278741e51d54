import type { TRoleAssignment } from "@plenary/shared";
import type { Db } from "../db/client.ts";

/** A session's role assignments, by role then in the order they were made. */
export async function listRoles(options: { db: Db; sessionId: string }): Promise<TRoleAssignment[]> {
  const rows = await options.db.sessionRole.findMany({
    where: { sessionId: options.sessionId },
    include: { user: { select: { displayName: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    displayName: r.user.displayName,
    email: r.user.email,
    role: r.role,
    boothLanguage: r.boothLanguage,
  }));
}
