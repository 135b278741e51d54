import type { TMe, TRegisterRequest, TUpdateProfileRequest } from "@plenary/shared";
import type { Db, SqlQuery } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { AuthUser } from "../http/request-context.ts";
import { hashToken, newToken } from "../lib/crypto.ts";
import { hashPassword, verifyPassword } from "./password.ts";

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

/** Creates an account. Emails are unique; a duplicate is a 409 without saying more. */
export async function registerUser(db: Db, input: TRegisterRequest): Promise<{ userId: string }> {
  const { password, ...profile } = input;
  try {
    const user = await db.user.create({ data: { ...profile, passwordHash: await hashPassword(password) } });
    return { userId: user.id };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists.");
    }
    throw err;
  }
}

/** Checks credentials and opens a login session; returns the raw cookie token. */
export async function loginUser(db: Db, options: { email: string; password: string }): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const user = await db.user.findUnique({ where: { email: options.email } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "Email or password is incorrect.");
  return { ...(await openLoginSession(db, user.id)), userId: user.id };
}

export async function openLoginSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.authSession.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function logoutUser(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.authSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Resolves a cookie token to its user, or undefined when missing, unknown or expired. */
export async function userForToken(sql: SqlQuery, token: string | undefined): Promise<AuthUser | undefined> {
  if (!token || token.length > 100) return undefined;
  // Runs on every authenticated request and socket handshake, hence plain SQL (see SqlQuery).
  const [user] = await sql<AuthUser>(
    `SELECT u.id, u.email, u."displayName", u."isOrganiser", u."stakeholderGroup"
       FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = $1 AND s."expiresAt" > now()`,
    [hashToken(token)],
  );
  return user;
}

export async function getMe(db: Db, userId: string): Promise<TMe> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { roles: true } });
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

export async function updateProfile(db: Db, userId: string, input: TUpdateProfileRequest): Promise<TMe> {
  await db.user.update({ where: { id: userId }, data: input });
  return getMe(db, userId);
}

/**
 * Creates the global organiser from configuration on first start; later starts leave it alone.
 * An existing account with that email is promoted only if it has the configured password: emails
 * are not verified, so whoever registered the address first must not become organiser by it.
 */
export async function ensureOrganiser(db: Db, organiser: { email: string; password: string; name: string }): Promise<"created" | "unchanged" | "promoted" | "refused"> {
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
