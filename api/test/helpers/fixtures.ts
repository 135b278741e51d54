import type { Db } from "../../src/db/client.ts";
import type { StaffRole } from "../../src/generated/prisma/client.ts";
import { seedAgenda } from "../../src/seed/seed.ts";
import { TestClient } from "./http.ts";

/** Loads the sample agenda and returns its sessions, first one LIVE (the opening ceremony). */
export async function seedSessions(db: Db) {
  await seedAgenda(db);
  return db.session.findMany({ orderBy: { startsAt: "asc" } });
}

/** A signed-in client for a new user, optionally holding a role in a session or organiser rights. */
export async function signedInClient(
  baseUrl: string,
  db: Db,
  options: { organiser?: boolean; role?: { sessionId: string; role: StaffRole; boothLanguage?: string } } = {},
) {
  const client = new TestClient(baseUrl);
  const user = await client.register();
  if (options.organiser) await db.user.update({ where: { id: user.id }, data: { isOrganiser: true } });
  if (options.role) {
    await db.sessionRole.create({ data: { userId: user.id, sessionId: options.role.sessionId, role: options.role.role, boothLanguage: options.role.boothLanguage ?? null } });
  }
  return { client, user };
}
