import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { safeReturnPath } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Field } from "../../ui/Field.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "./useAuth.ts";

/** Sign in with email and password, then go back to where the user came from. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = useSubmit(login);
  useDocumentTitle(t("auth.loginTitle"));

  if (me && !submit.pending) return <Navigate to={next ?? "/"} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run({ email, password })) navigate(next ?? "/", { replace: true });
  };

  const registerLink = next ? `/register?next=${encodeURIComponent(next)}` : "/register";
  return (
    <section className="page page--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.loginTitle")}</h1>
      {next && <p className="lead">{t("auth.loginToContinue")}</p>}
      <form className="form" onSubmit={onSubmit}>
        <Field id="email" label={t("auth.email")} required>
          {(p) => <input {...p} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />}
        </Field>
        <Field id="password" label={t("auth.password")} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} dir="ltr" />}
        </Field>
        {submit.error && (
          <Notice tone="error">{errorText(t, submit.error, { UNAUTHENTICATED: t("auth.badCredentials"), BAD_REQUEST: t("auth.badCredentials") })}</Notice>
        )}
        <button type="submit" className="button button--primary" disabled={submit.pending}>
          {submit.pending ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </form>
      <p>
        {t("auth.noAccount")} <Link to={registerLink}>{t("auth.createAccount")}</Link>
      </p>
    </section>
  );
}
