import type { TJoinRole } from "@plenary/shared";
import { AppError } from "../errors.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";

const STAFF_ROLE: Record<Exclude<TJoinRole, "attendee">, StaffRole> = {
  moderator: "MODERATOR",
  speaker: "SPEAKER",
  interpreter: "INTERPRETER",
  stage: "STAGE",
};

export interface AccessInput {
  requested: TJoinRole;
  status: SessionStatus;
  isOrganiser: boolean;
  held: { role: StaffRole; boothLanguage: string | null }[];
}

/**
 * Decides whether a user may enter a session's room in the requested role.
 * Attendees need the session live; staff may enter before it opens to prepare.
 * Organisers may act as moderator anywhere. Throws FORBIDDEN or SESSION_NOT_OPEN.
 */
export function checkJoinAccess(input: AccessInput): { boothLanguage: string | null } {
  let boothLanguage: string | null = null;
  if (input.requested !== "attendee") {
    const needed = STAFF_ROLE[input.requested];
    const holding = input.held.find((h) => h.role === needed);
    const organiserAsModerator = input.isOrganiser && input.requested === "moderator";
    if (!holding && !organiserAsModerator) {
      throw new AppError("FORBIDDEN", `You are not a ${input.requested} in this session.`);
    }
    boothLanguage = holding?.boothLanguage ?? null;
  }
  if (input.status === "ENDED") throw new AppError("SESSION_NOT_OPEN", "This session has ended.");
  if (input.status === "SCHEDULED" && input.requested === "attendee") {
    throw new AppError("SESSION_NOT_OPEN", "This session is not live yet.");
  }
  return { boothLanguage };
}
