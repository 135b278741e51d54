import type { TStaffRole } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { hashToken, newToken } from "../lib/crypto.ts";
import { checkBoothLanguage } from "./check-booth-language.ts";

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

/** Creates a single-use link that grants a role to whoever accepts it while signed in. */
export async function createInvitation(options: {
  db: Db;
  sessionId: string;
  role: TStaffRole;
  boothLanguage?: string;
  createdById: string;
}): Promise<{ token: string; expiresAt: string }> {
  const { db, sessionId, role, boothLanguage } = options;
  await checkBoothLanguage({ db, sessionId, role, boothLanguage });
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await db.invitation.create({
    data: { tokenHash: hashToken(token), sessionId, role, boothLanguage: boothLanguage ?? null, createdById: options.createdById, expiresAt },
  });
  return { token, expiresAt: expiresAt.toISOString() };
}
