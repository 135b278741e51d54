import { AGE_BRACKETS, GENDERS, STAKEHOLDER_GROUPS } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Field } from "../../ui/Field.tsx";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import type { ProfileFormValues } from "./profile-form.ts";

/** Props for {@link ProfileFields}. */
export interface ProfileFieldsProps {
  values: ProfileFormValues;
  onChange(patch: Partial<ProfileFormValues>): void;
  errors: Record<string, string>;
}

/** The profile questions shared by registration and the profile page. */
export function ProfileFields({ values, onChange, errors }: ProfileFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field id="displayName" label={t("profile.displayName")} error={errors.displayName} required>
        {(p) => <input {...p} autoComplete="name" dir="auto" required maxLength={100} value={values.displayName} onChange={(e) => onChange({ displayName: e.target.value })} />}
      </Field>
      <Field id="organisation" label={t("profile.organisation")} error={errors.organisation}>
        {(p) => <input {...p} autoComplete="organization" dir="auto" maxLength={200} value={values.organisation} onChange={(e) => onChange({ organisation: e.target.value })} />}
      </Field>
      <Field id="country" label={t("profile.country")} error={errors.country}>
        {(p) => <input {...p} autoComplete="country-name" dir="auto" maxLength={100} value={values.country} onChange={(e) => onChange({ country: e.target.value })} />}
      </Field>
      <Field id="stakeholderGroup" label={t("profile.stakeholderGroup")} hint={t("profile.stakeholderGroupHint")} error={errors.stakeholderGroup} required>
        {(p) => (
          <select {...p} required value={values.stakeholderGroup} onChange={(e) => onChange({ stakeholderGroup: e.target.value as ProfileFormValues["stakeholderGroup"] })}>
            <option value="">{t("common.choose")}</option>
            {STAKEHOLDER_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`stakeholderGroups.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="preferredLanguage" label={t("profile.preferredLanguage")} hint={t("profile.preferredLanguageHint")} error={errors.preferredLanguage}>
        {(p) => <LanguageSelect {...p} value={values.preferredLanguage} onChange={(l) => onChange({ preferredLanguage: l as ProfileFormValues["preferredLanguage"] })} />}
      </Field>
      <fieldset className="fieldset" aria-describedby="demographics-hint">
        <legend>{t("profile.demographicsLegend")}</legend>
        <p id="demographics-hint" className="field__hint">
          {t("profile.demographicsHint")}
        </p>
        <Field id="gender" label={t("profile.gender")} error={errors.gender}>
          {(p) => (
            <select {...p} value={values.gender} onChange={(e) => onChange({ gender: e.target.value as ProfileFormValues["gender"] })}>
              <option value="">{t("profile.notAnswered")}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`genders.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ageBracket" label={t("profile.ageBracket")} error={errors.ageBracket}>
          {(p) => (
            <select {...p} value={values.ageBracket} onChange={(e) => onChange({ ageBracket: e.target.value as ProfileFormValues["ageBracket"] })}>
              <option value="">{t("profile.notAnswered")}</option>
              {AGE_BRACKETS.map((a) => (
                <option key={a} value={a}>
                  {t(`ageBrackets.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
    </>
  );
}
