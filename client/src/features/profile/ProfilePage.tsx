import { ZUpdateProfileRequest } from "@plenary/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { errorText, fieldErrorTexts } from "../../i18n/errors.ts";
import { validateWith } from "../../lib/form-errors.ts";
import { loginPathFor } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { updateProfile } from "./api.ts";
import { type ProfileFormValues, profileRequestOf, profileValuesOf } from "./profile-form.ts";
import { ProfileFields } from "./ProfileFields.tsx";
import { SubmitButton } from "../../ui/SubmitButton.tsx";

/** Edits the signed-in user's profile (not email or password). */
export function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  useDocumentTitle(t("profile.title"));
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={loginPathFor(location.pathname)} replace />;
  return <ProfileForm key={me.id} initial={profileValuesOf(me)} email={me.email} />;
}

function ProfileForm({ initial, email }: { initial: ProfileFormValues; email: string }) {
  const { t } = useTranslation();
  const { setMe } = useAuth();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (v: ProfileFormValues) => {
    const body = profileRequestOf(v);
    const invalid = validateWith(ZUpdateProfileRequest, body);
    if (invalid) throw invalid;
    return updateProfile(body);
  });
  const errors = fieldErrorTexts(t, save.error);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const updated = await save.run(values);
    if (updated) {
      setMe(updated);
      setSaved(true);
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="profile-title">
      <h1 id="profile-title">{t("profile.title")}</h1>
      <p className="lead">{t("profile.signedInAs", { email })}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="form__required-note">{t("common.requiredNote")}</p>
        <ProfileFields
          values={values}
          errors={errors}
          onChange={(patch) => {
            setSaved(false);
            setValues((v) => ({ ...v, ...patch }));
          }}
        />
        <div aria-live="polite">
          {save.error && <Notice tone="error">{errorText(t, save.error)}</Notice>}
          {saved && <Notice tone="success">{t("profile.saved")}</Notice>}
        </div>
        <SubmitButton pending={save.pending} label={t("profile.save")} pendingLabel={t("common.saving")} />
      </form>
    </section>
  );
}
