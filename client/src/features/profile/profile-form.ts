import { AGE_BRACKETS, GENDERS, STAKEHOLDER_GROUPS, type TMe, UN_LANGUAGES, type ZProfileFields } from "@plenary/shared";
import type { z } from "zod";

/** The profile form's values; "" means "not chosen" for the selects. */
export interface ProfileFormValues {
  displayName: string;
  organisation: string;
  country: string;
  stakeholderGroup: (typeof STAKEHOLDER_GROUPS)[number] | "";
  gender: (typeof GENDERS)[number] | "";
  ageBracket: (typeof AGE_BRACKETS)[number] | "";
  preferredLanguage: (typeof UN_LANGUAGES)[number];
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | "" => list.find((v) => v === value) ?? "";

/** Empty values for a new account, preferring the interface language. */
export const emptyProfile = (uiLanguage: string): ProfileFormValues => ({
  displayName: "",
  organisation: "",
  country: "",
  stakeholderGroup: "",
  gender: "",
  ageBracket: "",
  preferredLanguage: oneOf(UN_LANGUAGES, uiLanguage) || "en",
});

/** The form values for an existing profile. */
export const profileValuesOf = (me: TMe): ProfileFormValues => ({
  displayName: me.displayName,
  organisation: me.organisation,
  country: me.country,
  stakeholderGroup: oneOf(STAKEHOLDER_GROUPS, me.stakeholderGroup),
  gender: oneOf(GENDERS, me.gender),
  ageBracket: oneOf(AGE_BRACKETS, me.ageBracket),
  preferredLanguage: oneOf(UN_LANGUAGES, me.preferredLanguage) || "en",
});

/** The request body for the values: unchosen optional answers become null (cleared). */
export const profileRequestOf = (values: ProfileFormValues): z.input<typeof ZProfileFields> => ({
  displayName: values.displayName,
  organisation: values.organisation,
  country: values.country,
  // An unchosen group is sent as-is so the shared schema reports it as a field error.
  stakeholderGroup: values.stakeholderGroup as (typeof STAKEHOLDER_GROUPS)[number],
  gender: values.gender || null,
  ageBracket: values.ageBracket || null,
  preferredLanguage: values.preferredLanguage,
});
