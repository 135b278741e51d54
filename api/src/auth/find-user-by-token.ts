import type { SqlQuery } from "../db/client.ts";
import type { AuthUser } from "../http/request-context.ts";
import { hashToken } from "../lib/crypto.ts";

/** Resolves a cookie token to its user, or undefined when missing, unknown or expired. */
export async function findUserByToken(options: { sql: SqlQuery; token: string | undefined }): Promise<AuthUser | undefined> {
  const { token } = options;
  if (!token || token.length > 100) return undefined;
  // Runs on every authenticated request and socket handshake, hence plain SQL (see SqlQuery).
  const [user] = await options.sql<AuthUser>(
    `SELECT u.id, u.email, u."displayName", u."isOrganiser", u."stakeholderGroup"
       FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
    [hashToken(token)],
  );
  return user;
}
