import type { TFunction } from "i18next";
import type { ApiError } from "../lib/api.ts";

/** Translated fallbacks per error code; the api's own messages are English-only, so they are not shown. */
export function errorText(t: TFunction, error: ApiError, overrides: Partial<Record<ApiError["code"], string>> = {}): string {
  return overrides[error.code] ?? t(`errors.${error.code}`);
}

const FIELD_HINTS = {
  displayName: "fieldErrors.displayName",
  email: "fieldErrors.email",
  password: "fieldErrors.password",
  stakeholderGroup: "fieldErrors.stakeholderGroup",
  preferredLanguage: "fieldErrors.preferredLanguage",
  organisation: "fieldErrors.tooLong",
  country: "fieldErrors.tooLong",
  title: "fieldErrors.title",
  description: "fieldErrors.tooLong",
  room: "fieldErrors.room",
  startsAt: "fieldErrors.startsAt",
  endsAt: "fieldErrors.endsAt",
  languages: "fieldErrors.languages",
  boothLanguage: "fieldErrors.boothLanguage",
} as const;

/**
 * Per-field messages for an invalid form, keyed by field name, in the interface language.
 * Fields the client does not know get a generic hint rather than the api's English text.
 */
export function fieldErrorTexts(t: TFunction, error: ApiError | undefined): Record<string, string> {
  if (!error) return {};
  return Object.fromEntries(
    Object.keys(error.fields).map((field) => {
      const key = FIELD_HINTS[field as keyof typeof FIELD_HINTS];
      return [field, key ? t(key) : t("fieldErrors.generic")];
    }),
  );
}
