import { z } from "zod";
import { ZText } from "./text.ts";
import { ZLanguage } from "./languages.ts";
import { ZStaffRole } from "./auth.types.ts";

export const SESSION_TYPES = ["CEREMONY", "HIGH_LEVEL", "POLICY", "WORKSHOP", "CLOSING"] as const;
export const ZSessionType = z.enum(SESSION_TYPES);
export const SESSION_STATUSES = ["SCHEDULED", "LIVE", "ENDED"] as const;
export const ZSessionStatus = z.enum(SESSION_STATUSES);
export const QA_MODES = ["MODERATED", "OPEN", "CLOSED"] as const;
export const ZQaMode = z.enum(QA_MODES);
export type TQaMode = z.infer<typeof ZQaMode>;

export const ZUuid = z.uuid();

export const ZEvent = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  venue: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  timezone: z.string(),
  languages: z.array(z.string()),
  isSample: z.boolean(),
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZSession = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  description: z.string(),
  type: ZSessionType,
  room: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: ZSessionStatus,
  languages: z.array(z.string()),
  qaMode: ZQaMode,
  isSample: z.boolean(),
});
export type TSession = z.infer<typeof ZSession>;

/** A calendar date `YYYY-MM-DD`, interpreted in the event's time zone. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export const ZAgendaQuery = z.object({
  day: ZDay.optional(),
  type: ZSessionType.optional(),
  language: ZLanguage.optional(),
  liveNow: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type TAgendaQuery = z.infer<typeof ZAgendaQuery>;

export const ZAgendaResponse = z.object({ event: ZEvent, sessions: z.array(ZSession) });
export type TAgendaResponse = z.infer<typeof ZAgendaResponse>;

// Without defaults, for the same reason as the profile's: .partial() would apply them to edits.
const ZSessionFieldsBase = z.object({
  title: ZText.trim().min(1).max(200),
  description: ZText.trim().max(5000),
  type: ZSessionType,
  room: ZText.trim().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  languages: z.array(ZLanguage).min(1).max(6),
  qaMode: ZQaMode,
});

export const ZCreateSessionRequest = ZSessionFieldsBase.extend({
  description: ZSessionFieldsBase.shape.description.default(""),
  qaMode: ZSessionFieldsBase.shape.qaMode.default("MODERATED"),
}).refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
  message: "endsAt must be after startsAt",
  path: ["endsAt"],
});
export type TCreateSessionRequest = z.infer<typeof ZCreateSessionRequest>;

/** A session edit: only the fields sent are changed. */
export const ZUpdateSessionRequest = ZSessionFieldsBase.partial();
export type TUpdateSessionRequest = z.infer<typeof ZUpdateSessionRequest>;

export const ZSetStatusRequest = z.object({ status: ZSessionStatus });

export const ZAssignRoleRequest = z
  .object({
    email: ZText.trim().toLowerCase().pipe(z.email()),
    role: ZStaffRole,
    boothLanguage: ZLanguage.optional(),
  })
  .refine((r) => (r.role === "INTERPRETER") === (r.boothLanguage !== undefined), {
    message: "boothLanguage is required for interpreters and only for them",
    path: ["boothLanguage"],
  });
export type TAssignRoleRequest = z.infer<typeof ZAssignRoleRequest>;

export const ZRoleAssignment = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: ZStaffRole,
  boothLanguage: z.string().nullable(),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

/** A session's role assignments: what every roles route answers with. */
export const ZRolesResponse = z.object({ roles: z.array(ZRoleAssignment) });
export type TRolesResponse = z.infer<typeof ZRolesResponse>;

export const ZCreateInvitationRequest = z
  .object({ role: ZStaffRole, boothLanguage: ZLanguage.optional() })
  .refine((r) => (r.role === "INTERPRETER") === (r.boothLanguage !== undefined), {
    message: "boothLanguage is required for interpreters and only for them",
    path: ["boothLanguage"],
  });
export const ZInvitationResponse = z.object({ token: z.string(), expiresAt: z.string() });
/** An invitation link's token, as it appears in `/invitations/:token`. */
export const ZInvitationToken = ZText.min(20).max(200);
export const ZAcceptInvitationRequest = z.object({ token: ZInvitationToken });
/**
 * What an invitation offers, shown before it is accepted: the event, the session, the role and,
 * for an interpreter, the booth. `acceptedByYou` is true when the signed-in caller already holds it.
 */
export const ZInvitationPreview = z.object({
  event: ZEvent,
  session: ZSession,
  role: ZStaffRole,
  boothLanguage: z.string().nullable(),
  expiresAt: z.string(),
  acceptedByYou: z.boolean(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;
/** The role an accepted invitation gave, and in which session. */
export const ZAcceptInvitationResponse = z.object({ sessionId: z.string(), role: ZStaffRole });
export type TAcceptInvitationResponse = z.infer<typeof ZAcceptInvitationResponse>;
