import { ZRegisterRequest } from "@plenary/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { errorText, fieldErrorTexts } from "../../i18n/errors.ts";
import { validateWith } from "../../lib/form-errors.ts";
import { safeReturnPath } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Field } from "../../ui/Field.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { emptyProfile, type ProfileFormValues, profileRequestOf } from "../profile/profile-form.ts";
import { ProfileFields } from "../profile/ProfileFields.tsx";
import { useAuth } from "./useAuth.ts";

/** Creates an account: credentials plus the profile questions the organisers report on. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { me, register } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get("next"));
  const [credentials, setCredentials] = useState({ email: "", password: "" });
  const [profile, setProfile] = useState<ProfileFormValues>(() => emptyProfile(i18n.language));
  const submit = useSubmit(async () => {
    const body = { ...profileRequestOf(profile), ...credentials };
    const invalid = validateWith(ZRegisterRequest, body);
    if (invalid) throw invalid;
    return register(body);
  });
  useDocumentTitle(t("auth.registerTitle"));

  if (me && !submit.pending) return <Navigate to={next ?? "/"} replace />;

  const errors: Record<string, string> = fieldErrorTexts(t, submit.error);
  if (submit.error?.code === "CONFLICT") errors.email = t("auth.emailTaken");
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run()) navigate(next ?? "/", { replace: true });
  };

  return (
    <section className="page page--narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t("auth.registerTitle")}</h1>
      <p className="lead">{t("auth.registerLead")}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
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
        {submit.error && (
          <Notice tone="error">{errorText(t, submit.error, { BAD_REQUEST: t("auth.fixFields"), CONFLICT: t("auth.emailTaken") })}</Notice>
        )}
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {submit.pending ? t("auth.creatingAccount") : t("auth.createAccount")}
        </button>
      </form>
      <p>
        {t("auth.haveAccount")} <Link to={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>{t("auth.signIn")}</Link>
      </p>
    </section>
  );
}
