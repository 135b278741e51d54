import { type TSession, type TStaffRole, UN_LANGUAGES } from "@plenary/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, fieldErrorTexts } from "../../i18n/errors.ts";
import { languageName } from "../../lib/languages.ts";
import { useApiQuery } from "../../lib/useApiQuery.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Field } from "../../ui/Field.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { assignRole, listRoles, removeRole } from "./api.ts";
import { BoothLanguageField } from "./BoothLanguageField.tsx";
import { StaffRoleField } from "./StaffRoleField.tsx";
import { InvitationForm } from "./InvitationForm.tsx";

/** Who moderates, speaks, interprets and runs the stage in a session; add, remove, invite. */
export function RolesPanel({ session }: { session: TSession }) {
  const { t, i18n } = useTranslation();
  const roles = useApiQuery(`roles:${session.id}`, (signal) => listRoles(session.id, signal));
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TStaffRole>("MODERATOR");
  const [booth, setBooth] = useState(session.languages[0] ?? "en");
  const add = useSubmit(() =>
    assignRole(session.id, { email, role, boothLanguage: role === "INTERPRETER" ? UN_LANGUAGES.find((l) => l === booth) : undefined }),
  );
  const remove = useSubmit((assignmentId: string) => removeRole(session.id, assignmentId));
  const addErrors = fieldErrorTexts(t, add.error);

  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    const updated = await add.run();
    if (updated) {
      roles.setData(updated);
      setEmail("");
    }
  };
  const onRemove = async (assignmentId: string) => {
    const updated = await remove.run(assignmentId);
    if (updated) roles.setData(updated);
  };

  return (
    <section className="panel" aria-labelledby="roles-title">
      <h2 id="roles-title">{t("organiser.roles.title")}</h2>
      {roles.status === "loading" && <Loading />}
      {roles.error && <Notice tone="error">{errorText(t, roles.error)}</Notice>}
      {remove.error && <Notice tone="error">{errorText(t, remove.error)}</Notice>}
      {roles.data && roles.data.length === 0 && <p>{t("organiser.roles.none")}</p>}
      {roles.data && roles.data.length > 0 && (
        <ul className="role-list">
          {roles.data.map((a) => (
            <li key={a.id} className="role-list__item">
              <span className="role-list__who">
                <strong>
                  <bdi>{a.displayName}</bdi>
                </strong> <bdi className="role-list__email">{a.email}</bdi>
              </span>
              <span className="badge badge--role">
                {t(`staffRoles.${a.role}`)}
                {a.boothLanguage && ` · ${languageName(a.boothLanguage, i18n.language)}`}
              </span>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={remove.pending}
                onClick={() => void onRemove(a.id)}
                aria-label={t("organiser.roles.removeNamed", { name: a.displayName, role: t(`staffRoles.${a.role}`) })}
              >
                {t("organiser.roles.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form form--inline" onSubmit={onAdd} noValidate aria-labelledby="roles-add-title">
        <h3 id="roles-add-title">{t("organiser.roles.addTitle")}</h3>
        <Field id="role-email" label={t("auth.email")} error={addErrors.email} required>
          {(p) => <input {...p} type="email" dir="ltr" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <StaffRoleField id="role-role" value={role} onChange={setRole} />
        {role === "INTERPRETER" && <BoothLanguageField id="role-booth" languages={session.languages} value={booth} onChange={setBooth} error={addErrors.boothLanguage} />}
        <button type="submit" className="button button--primary" disabled={add.pending}>
          {t("organiser.roles.add")}
        </button>
        {add.error && (
          <Notice tone="error">{errorText(t, add.error, { NOT_FOUND: t("organiser.roles.noSuchUser"), BAD_REQUEST: t("auth.fixFields") })}</Notice>
        )}
      </form>
      <InvitationForm session={session} />
    </section>
  );
}
