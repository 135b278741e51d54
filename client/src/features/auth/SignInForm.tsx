import type { TMe } from "@plenary/shared";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import type { Submission } from "../../lib/useSubmit.ts";
import { Notice } from "../../ui/Notice.tsx";
import { SubmitButton } from "../../ui/SubmitButton.tsx";
import { useAfterSignIn } from "./useAfterSignIn.ts";
import { useAuth } from "./useAuth.ts";

/** Props for {@link SignInForm}. */
export interface SignInFormProps {
  kind: "login" | "register";
  title: string;
  /** Shown under the title, e.g. why signing in is asked for. */
  lead?: ReactNode;
  /** Signs in (by login or by registering); a failure lands in its `error`. */
  submission: Submission<[], TMe>;
  /** What to say for the api's error codes this form expects. */
  errorTexts: Parameters<typeof errorText>[2];
  submitLabel: string;
  pendingLabel: string;
  /** Leave checking to the form's own validation (registration explains each field). */
  noValidate?: boolean;
  children: ReactNode;
}

/**
 * A sign-in page, by login or by registering: the form, its error and button, the way to the other
 * page, and what follows a sign-in (back to where the user came from, `?next=`).
 */
export function SignInForm({ kind, title, lead, submission, errorTexts, submitLabel, pendingLabel, noValidate, children }: SignInFormProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const after = useAfterSignIn();
  if (me && !submission.pending) return <Navigate to={after.target} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await submission.run()) after.goOn();
  };
  const other = kind === "login" ? "/register" : "/login";
  return (
    <section className="page page--narrow" aria-labelledby={`${kind}-title`}>
      <h1 id={`${kind}-title`}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      <form className="form" onSubmit={onSubmit} noValidate={noValidate}>
        {children}
        {submission.error && <Notice tone="error">{errorText(t, submission.error, errorTexts)}</Notice>}
        <SubmitButton pending={submission.pending} label={submitLabel} pendingLabel={pendingLabel} />
      </form>
      <p>
        {kind === "login" ? t("auth.noAccount") : t("auth.haveAccount")}{" "}
        <Link to={after.linkTo(other)}>{kind === "login" ? t("auth.createAccount") : t("auth.signIn")}</Link>
      </p>
    </section>
  );
}
