import { z } from "zod";
import { ZText } from "./text.ts";
import { UI_LANGUAGES, UN_LANGUAGES } from "./languages.ts";

/** The five WSIS stakeholder groups. */
export const STAKEHOLDER_GROUPS = [
  "GOVERNMENT",
  "PRIVATE_SECTOR",
  "CIVIL_SOCIETY",
  "ACADEMIA_TECHNICAL",
  "INTERNATIONAL_ORGANISATION",
] as const;
export const ZStakeholderGroup = z.enum(STAKEHOLDER_GROUPS);

export const GENDERS = ["female", "male", "non_binary", "prefer_not_to_say"] as const;
export const AGE_BRACKETS = ["under_25", "25_34", "35_49", "50_64", "65_plus", "prefer_not_to_say"] as const;

/** Preferred language: any UN language (interface falls back to English where untranslated). */
export const ZPreferredLanguage = z.enum(UN_LANGUAGES);
export { UI_LANGUAGES };

const ZEmail = ZText.trim().toLowerCase().pipe(z.email().max(254));
const ZPassword = ZText.min(10, "at least 10 characters").max(200);

// Fields without defaults: zod applies a default even inside .partial(), so an update built on
// defaulted fields would reset every field the client did not send.
const ZProfileFieldsBase = z.object({
  displayName: ZText.trim().min(1).max(100),
  organisation: ZText.trim().max(200),
  country: ZText.trim().max(100),
  stakeholderGroup: ZStakeholderGroup,
  gender: z.enum(GENDERS).nullable().optional(),
  ageBracket: z.enum(AGE_BRACKETS).nullable().optional(),
  preferredLanguage: ZPreferredLanguage,
});
const { organisation, country, preferredLanguage } = ZProfileFieldsBase.shape;

/** A whole profile, as given at registration: what is left out takes its default. */
export const ZProfileFields = ZProfileFieldsBase.extend({
  organisation: organisation.default(""),
  country: country.default(""),
  preferredLanguage: preferredLanguage.default("en"),
});

export const ZRegisterRequest = ZProfileFields.extend({ email: ZEmail, password: ZPassword });
export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.object({ email: ZEmail, password: ZText.min(1).max(200) });
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** A profile change: only the fields sent are changed. */
export const ZUpdateProfileRequest = ZProfileFieldsBase.partial();
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

export const STAFF_ROLES = ["MODERATOR", "SPEAKER", "INTERPRETER", "STAGE"] as const;
export const ZStaffRole = z.enum(STAFF_ROLES);
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const ZMyRole = z.object({
  sessionId: z.string(),
  role: ZStaffRole,
  boothLanguage: z.string().nullable(),
});

/** The signed-in user as they see themselves (the only place gender and age are returned). */
export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  country: z.string(),
  stakeholderGroup: ZStakeholderGroup,
  gender: z.string().nullable(),
  ageBracket: z.string().nullable(),
  preferredLanguage: z.string(),
  isOrganiser: z.boolean(),
  roles: z.array(ZMyRole),
});
export type TMe = z.infer<typeof ZMe>;
