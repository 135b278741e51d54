import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { openLoginSession } from "./open-login-session.ts";
import { verifyPassword } from "./password.ts";

/** Checks credentials and opens a login session; returns the raw cookie token. */
export async function loginUser(options: { db: Db; email: string; password: string }): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const { db } = options;
  const user = await db.user.findUnique({ where: { email: options.email } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "Email or password is incorrect.");
  return { ...(await openLoginSession({ db, userId: user.id })), userId: user.id };
}
