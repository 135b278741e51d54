import type { Db } from "../db/client.ts";
import { hashToken, newToken } from "../lib/crypto.ts";

const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Opens a week-long login session for a user; returns the raw cookie token (stored only hashed). */
export async function openLoginSession(options: { db: Db; userId: string }): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await options.db.authSession.create({ data: { tokenHash: hashToken(token), userId: options.userId, expiresAt } });
  return { token, expiresAt };
}
