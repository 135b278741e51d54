import { UN_LANGUAGES } from "@plenary/shared";
import { hashPassword } from "../auth/password.ts";
import type { Db } from "../db/client.ts";
import type { StaffRole } from "../generated/prisma/client.ts";
import { sampleLanguages, sessionTimes, WSIS_EVENT, WSIS_SESSIONS } from "./wsis-agenda.ts";

/** Demo logins for development; the seed prints them. Never used in production (config refuses it). */
export const DEMO_PASSWORD = "plenary-demo-2024";
export const DEMO_ACCOUNTS = [
  { email: "organiser@demo.plenary.dev", displayName: "Olga Organiser", organiser: true },
  { email: "moderator@demo.plenary.dev", displayName: "Moussa Moderator", role: "MODERATOR" as StaffRole },
  { email: "speaker@demo.plenary.dev", displayName: "Sofia Speaker", role: "SPEAKER" as StaffRole },
  { email: "stage@demo.plenary.dev", displayName: "Stefan Stage", role: "STAGE" as StaffRole },
  { email: "attendee@demo.plenary.dev", displayName: "Aisha Attendee" },
  ...UN_LANGUAGES.map((lang) => ({
    email: `interpreter-${lang}@demo.plenary.dev`,
    displayName: `Interpreter (${lang.toUpperCase()})`,
    role: "INTERPRETER" as StaffRole,
    booth: lang,
  })),
];

/** Loads the sample WSIS+20 event and agenda when no event exists yet. Returns the event id. */
export async function seedAgenda(db: Db): Promise<string> {
  const existing = await db.event.findUnique({ where: { slug: WSIS_EVENT.slug } });
  if (existing) return existing.id;
  const event = await db.event.create({ data: { ...WSIS_EVENT, isSample: true } });
  await db.session.createMany({
    data: WSIS_SESSIONS.map((s, i) => ({
      eventId: event.id,
      title: s.title,
      description: s.description,
      type: s.type,
      room: s.room,
      ...sessionTimes(s),
      languages: sampleLanguages(s),
      qaMode: s.type === "WORKSHOP" ? ("OPEN" as const) : ("MODERATED" as const),
      // The opening ceremony starts live so a new user has something to join straight away.
      status: i === 0 ? ("LIVE" as const) : ("SCHEDULED" as const),
      isSample: true,
    })),
  });
  return event.id;
}

/** Seeds the agenda plus one demo account per role, assigned to every sample session. Idempotent. */
export async function seedDemo(db: Db, options: { log: (line: string) => void }): Promise<void> {
  const eventId = await seedAgenda(db);
  const sessions = await db.session.findMany({ where: { eventId }, select: { id: true, languages: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        passwordHash,
        displayName: account.displayName,
        organisation: "Plenary demo (sample)",
        country: "Switzerland",
        stakeholderGroup: "INTERNATIONAL_ORGANISATION",
        isOrganiser: "organiser" in account && account.organiser === true,
        isSample: true,
      },
    });
    if (!("role" in account) || !account.role) continue;
    const booth = "booth" in account ? account.booth : null;
    await db.sessionRole.createMany({
      data: sessions
        .filter((s) => !booth || s.languages.includes(booth))
        .map((s) => ({ sessionId: s.id, userId: user.id, role: account.role!, boothLanguage: booth })),
      skipDuplicates: true,
    });
  }
  options.log("Demo accounts (development only), password for all: " + DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) options.log(`  ${a.email.padEnd(36)} ${"role" in a ? a.role : "organiser" in a ? "ORGANISER" : "ATTENDEE"}`);
}
