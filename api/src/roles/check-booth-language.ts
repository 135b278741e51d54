import type { TStaffRole } from "@plenary/shared";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";

/** Refuses a role in a session that does not exist, or a booth in a language the session does not offer. */
export async function checkBoothLanguage(options: { db: Db; sessionId: string; role: TStaffRole; boothLanguage?: string | null }): Promise<void> {
  const session = await options.db.session.findUnique({ where: { id: options.sessionId }, select: { languages: true } });
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  const { role, boothLanguage } = options;
  if (role === "INTERPRETER" && boothLanguage && !session.languages.includes(boothLanguage)) {
    throw new AppError("BAD_REQUEST", "This session does not offer that language.", { fields: { boothLanguage: "not offered" } });
  }
}
