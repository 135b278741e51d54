import type { TMe } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";

/** The signed-in user's own profile and roles. */
export async function getMe(options: { db: Db; userId: string }): Promise<TMe> {
  const user = await options.db.user.findUnique({ where: { id: options.userId }, include: { roles: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation: user.organisation,
    country: user.country,
    stakeholderGroup: user.stakeholderGroup,
    gender: user.gender,
    ageBracket: user.ageBracket,
    preferredLanguage: user.preferredLanguage,
    isOrganiser: user.isOrganiser,
    roles: user.roles.map((r) => ({ sessionId: r.sessionId, role: r.role, boothLanguage: r.boothLanguage })),
  };
}
