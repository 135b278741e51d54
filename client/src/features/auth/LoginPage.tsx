import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Field } from "../../ui/Field.tsx";
import { useAfterSignIn } from "./useAfterSignIn.ts";
import { useAuth } from "./useAuth.ts";
import { SignInForm } from "./SignInForm.tsx";

/** Sign in with email and password, then go back to where the user came from. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const { next } = useAfterSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submission = useSubmit(() => login({ email, password }));
  useDocumentTitle(t("auth.loginTitle"));

  return (
    <SignInForm
      kind="login"
      title={t("auth.loginTitle")}
      lead={next && t("auth.loginToContinue")}
      submission={submission}
      errorTexts={{ UNAUTHENTICATED: t("auth.badCredentials"), BAD_REQUEST: t("auth.badCredentials") }}
      submitLabel={t("auth.signIn")}
      pendingLabel={t("auth.signingIn")}
    >
      <Field id="email" label={t("auth.email")} required>
        {(p) => <input {...p} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" />}
      </Field>
      <Field id="password" label={t("auth.password")} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} dir="ltr" />}
      </Field>
    </SignInForm>
  );
}
