import type { TInvitationPreview } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { hashToken } from "../lib/crypto.ts";
import { toEventDto, toSessionDto } from "../sessions/sessions.mapper.ts";

/**
 * What an invitation offers, read before accepting it. The token is the secret: whoever holds the
 * link may read it, signed in or not. Refuses exactly as accepting would (NOT_FOUND when unknown or
 * expired, CONFLICT when someone else used it), so the page can say so before greeting anyone.
 */
export async function previewInvitation(options: { db: Db; token: string; userId: string | undefined }): Promise<TInvitationPreview> {
  const invitation = await options.db.invitation.findUnique({
    where: { tokenHash: hashToken(options.token) },
    include: { session: { include: { event: true } } },
  });
  if (!invitation || invitation.expiresAt < new Date()) throw new AppError("NOT_FOUND", "This invitation is invalid or has expired.");
  const acceptedByYou = invitation.acceptedById !== null && invitation.acceptedById === options.userId;
  if (invitation.acceptedById !== null && !acceptedByYou) throw new AppError("CONFLICT", "This invitation has already been used.");
  return {
    event: toEventDto(invitation.session.event),
    session: toSessionDto(invitation.session),
    role: invitation.role,
    boothLanguage: invitation.boothLanguage,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedByYou,
  };
}
