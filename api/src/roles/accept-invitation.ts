import type { TAcceptInvitationResponse } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { hashToken } from "../lib/crypto.ts";

/** Gives the signed-in user the role an unexpired invitation offers; a link works once. */
export async function acceptInvitation(options: { db: Db; token: string; userId: string }): Promise<TAcceptInvitationResponse> {
  return options.db.$transaction(async (tx) => {
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
