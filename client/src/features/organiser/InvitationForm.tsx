import { type TSession, type TStaffRole, UN_LANGUAGES } from "@plenary/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../i18n/errors.ts";
import { intlLocale } from "../../i18n/index.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Notice } from "../../ui/Notice.tsx";
import { createInvitation } from "./api.ts";
import { BoothLanguageField } from "./BoothLanguageField.tsx";
import { StaffRoleField } from "./StaffRoleField.tsx";

/** Creates a one-time link that gives whoever opens it (after signing in) a role in the session. */
export function InvitationForm({ session }: { session: TSession }) {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState<TStaffRole>("SPEAKER");
  const [booth, setBooth] = useState(session.languages[0] ?? "en");
  const [copied, setCopied] = useState(false);
  const invite = useSubmit(() => createInvitation(session.id, { role, boothLanguage: role === "INTERPRETER" ? UN_LANGUAGES.find((l) => l === booth) : undefined }));
  const [link, setLink] = useState<{ url: string; expiresAt: string } | undefined>();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    const created = await invite.run();
    if (created) setLink({ url: `${window.location.origin}/invitations/${created.token}`, expiresAt: created.expiresAt });
  };
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard.writeText(link.url).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <form className="form form--inline" onSubmit={onSubmit} aria-labelledby="invite-title">
      <h3 id="invite-title">{t("organiser.invite.title")}</h3>
      <p className="field__hint">{t("organiser.invite.hint")}</p>
      <StaffRoleField id="invite-role" value={role} onChange={setRole} />
      {role === "INTERPRETER" && <BoothLanguageField id="invite-booth" languages={session.languages} value={booth} onChange={setBooth} />}
      <button type="submit" className="button button--secondary" disabled={invite.pending}>
        {t("organiser.invite.create")}
      </button>
      {invite.error && <Notice tone="error">{errorText(t, invite.error)}</Notice>}
      {link && (
        <div className="invite-link" aria-live="polite">
          <label htmlFor="invite-url" className="field__label">
            {t("organiser.invite.link")}
          </label>
          <div className="invite-link__row">
            <input id="invite-url" readOnly dir="ltr" value={link.url} onFocus={(e) => e.target.select()} aria-describedby="invite-expiry" />
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {copied ? t("organiser.invite.copied") : t("organiser.invite.copy")}
            </button>
          </div>
          <p id="invite-expiry" className="field__hint">
            {t("organiser.invite.expires", { when: new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(link.expiresAt)) })}
          </p>
        </div>
      )}
    </form>
  );
}
