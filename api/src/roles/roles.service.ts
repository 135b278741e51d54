import type { TAssignRoleRequest, TRoleAssignment, TStaffRole } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { hashToken, newToken } from "../lib/crypto.ts";

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export async function listRoles(db: Db, sessionId: string): Promise<TRoleAssignment[]> {
  const rows = await db.sessionRole.findMany({
    where: { sessionId },
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

async function requireSession(db: Db, sessionId: string) {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true, languages: true } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  return session;
}

function checkBooth(languages: string[], role: TStaffRole, boothLanguage?: string | null) {
  if (role === "INTERPRETER" && boothLanguage && !languages.includes(boothLanguage)) {
    throw new AppError("BAD_REQUEST", "This session does not offer that language.", { fields: { boothLanguage: "not offered" } });
  }
}

/** Gives a registered user a role in a session; assigning the same role twice is a no-op. */
export async function assignRole(db: Db, sessionId: string, input: TAssignRoleRequest): Promise<TRoleAssignment[]> {
  const session = await requireSession(db, sessionId);
  checkBooth(session.languages, input.role, input.boothLanguage);
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "No registered user has that email. Send them an invitation link instead.");
  await db.sessionRole.upsert({
    where: { sessionId_userId_role: { sessionId, userId: user.id, role: input.role } },
    create: { sessionId, userId: user.id, role: input.role, boothLanguage: input.boothLanguage ?? null },
    update: { boothLanguage: input.boothLanguage ?? null },
  });
  return listRoles(db, sessionId);
}

/** Removes one role assignment; returns the session's roles and whose role it was. */
export async function removeRole(db: Db, sessionId: string, assignmentId: string): Promise<{ roles: TRoleAssignment[]; userId: string }> {
  const assignment = await db.sessionRole.findFirst({ where: { id: assignmentId, sessionId }, select: { userId: true } });
  const { count } = await db.sessionRole.deleteMany({ where: { id: assignmentId, sessionId } });
  if (!assignment || count === 0) throw new AppError("NOT_FOUND", "That role assignment does not exist.");
  return { roles: await listRoles(db, sessionId), userId: assignment.userId };
}

/** Creates a single-use link that grants a role to whoever accepts it while signed in. */
export async function createInvitation(
  db: Db,
  options: { sessionId: string; role: TStaffRole; boothLanguage?: string; createdById: string },
): Promise<{ token: string; expiresAt: string }> {
  const session = await requireSession(db, options.sessionId);
  checkBooth(session.languages, options.role, options.boothLanguage);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await db.invitation.create({
    data: {
      tokenHash: hashToken(token),
      sessionId: options.sessionId,
      role: options.role,
      boothLanguage: options.boothLanguage ?? null,
      createdById: options.createdById,
      expiresAt,
    },
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function acceptInvitation(db: Db, options: { token: string; userId: string }): Promise<{ sessionId: string; role: TStaffRole }> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashToken(options.token) } });
    if (!invitation || invitation.expiresAt < new Date()) throw new AppError("NOT_FOUND", "This invitation is invalid or has expired.");
    // The claim is one conditional UPDATE, not a read then a write: of two people accepting at the
    // same moment, PostgreSQL's row lock lets exactly one match (accepting again yourself is fine).
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, OR: [{ acceptedById: null }, { acceptedById: options.userId }] },
      data: { acceptedById: options.userId, acceptedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "This invitation has already been used.");
    await tx.sessionRole.upsert({
      where: { sessionId_userId_role: { sessionId: invitation.sessionId, userId: options.userId, role: invitation.role } },
      create: { sessionId: invitation.sessionId, userId: options.userId, role: invitation.role, boothLanguage: invitation.boothLanguage },
      update: { boothLanguage: invitation.boothLanguage },
    });
    return { sessionId: invitation.sessionId, role: invitation.role };
  });
}
