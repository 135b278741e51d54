import type { Db } from "../db/client.ts";
import { hashToken } from "../lib/crypto.ts";

/** Ends the login session behind a cookie token; an unknown or missing token is fine. */
export async function logoutUser(options: { db: Db; token: string | undefined }): Promise<void> {
  if (options.token) await options.db.authSession.deleteMany({ where: { tokenHash: hashToken(options.token) } });
}
