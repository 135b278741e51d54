import type { Db } from "../db/client.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/**
 * Creates the global organiser from configuration on first start; later starts leave it alone.
 * An existing account with that email is promoted only if it has the configured password: emails
 * are not verified, so whoever registered the address first must not become organiser by it.
 */
export async function ensureOrganiser(options: {
  db: Db;
  organiser: { email: string; password: string; name: string };
}): Promise<"created" | "unchanged" | "promoted" | "refused"> {
  const { db, organiser } = options;
  const existing = await db.user.findUnique({ where: { email: organiser.email } });
  if (existing) {
    if (existing.isOrganiser) return "unchanged";
    if (!(await verifyPassword(existing.passwordHash, organiser.password))) return "refused";
    await db.user.update({ where: { id: existing.id }, data: { isOrganiser: true } });
    return "promoted";
  }
  await db.user.create({
    data: {
      email: organiser.email,
      passwordHash: await hashPassword(organiser.password),
      displayName: organiser.name,
      stakeholderGroup: "INTERNATIONAL_ORGANISATION",
      isOrganiser: true,
    },
  });
  return "created";
}
