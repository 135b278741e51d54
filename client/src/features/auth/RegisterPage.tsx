import { ZRegisterRequest } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorTexts } from "../../i18n/errors.ts";
import { validateWith } from "../../lib/form-errors.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Field } from "../../ui/Field.tsx";
import { emptyProfile, type ProfileFormValues, profileRequestOf } from "../profile/profile-form.ts";
import { ProfileFields } from "../profile/ProfileFields.tsx";
import { SignInForm } from "./SignInForm.tsx";
import { useAuth } from "./useAuth.ts";

/** Creates an account: credentials plus the profile questions the organisers report on. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { register } = useAuth();
  const [credentials, setCredentials] = useState({ email: "", password: "" });
  const [profile, setProfile] = useState<ProfileFormValues>(() => emptyProfile(i18n.language));
  const submission = useSubmit(async () => {
    const body = { ...profileRequestOf(profile), ...credentials };
    const invalid = validateWith(ZRegisterRequest, body);
    if (invalid) throw invalid;
    return register(body);
  });
  useDocumentTitle(t("auth.registerTitle"));

  const errors: Record<string, string> = fieldErrorTexts(t, submission.error);
  if (submission.error?.code === "CONFLICT") errors.email = t("auth.emailTaken");
  return (
    <SignInForm
      kind="register"
      title={t("auth.registerTitle")}
      lead={t("auth.registerLead")}
      submission={submission}
      errorTexts={{ BAD_REQUEST: t("auth.fixFields"), CONFLICT: t("auth.emailTaken") }}
      submitLabel={t("auth.createAccount")}
      pendingLabel={t("auth.creatingAccount")}
      noValidate
    >
      <p className="form__required-note">{t("common.requiredNote")}</p>
      <Field id="email" label={t("auth.email")} error={errors.email} required>
        {(p) => (
          <input {...p} type="email" autoComplete="email" required dir="ltr" value={credentials.email} onChange={(e) => setCredentials((c) => ({ ...c, email: e.target.value }))} />
        )}
      </Field>
      <Field id="password" label={t("auth.password")} hint={t("auth.passwordHint")} error={errors.password} required>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            dir="ltr"
            value={credentials.password}
            onChange={(e) => setCredentials((c) => ({ ...c, password: e.target.value }))}
          />
        )}
      </Field>
      <ProfileFields values={profile} errors={errors} onChange={(patch) => setProfile((v) => ({ ...v, ...patch }))} />
    </SignInForm>
  );
}
