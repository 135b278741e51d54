import { ZLanguage, type TLanguage } from "@plenary/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import { SubmitButton } from "../../ui/SubmitButton.tsx";

/** Props for {@link AddSpeakerForm}. */
export interface AddSpeakerFormProps {
  languages: readonly TLanguage[];
  /** Resolves true once the person is in the list, so the form can be cleared. */
  onAdd(input: { email: string; language: TLanguage; topic?: string }): Promise<boolean>;
}

/** The chair puts a pre-arranged speaker on the list by the email of their account. */
export function AddSpeakerForm({ languages, onAdd }: AddSpeakerFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<TLanguage | "">(languages[0] ?? "");
  const [topic, setTopic] = useState("");
  const [pending, setPending] = useState(false);
  const chosen = language || languages[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || !chosen || email.trim() === "") return;
    setPending(true);
    const added = await onAdd({ email: email.trim(), language: chosen, ...(topic.trim() ? { topic: topic.trim() } : {}) });
    setPending(false);
    if (added) {
      setEmail("");
      setTopic("");
    }
  };

  return (
    <form className="speakers-add" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t("floor.chair.add.title")}</h3>
      <p className="field__hint">{t("floor.chair.add.hint")}</p>
      <div className="speakers-add__fields">
        <div className="field">
          <label htmlFor={`${id}-email`} className="field__label">
            {t("floor.chair.add.email")}
          </label>
          <input id={`${id}-email`} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="floor-add-email" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`} className="field__label">
            {t("floor.chair.add.language")}
          </label>
          <LanguageSelect id={`${id}-language`} languages={languages} value={chosen ?? ""} onChange={(value) => setLanguage(ZLanguage.parse(value))} data-testid="floor-add-language" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-topic`} className="field__label">
            {t("floor.chair.add.topic")}
          </label>
          <input id={`${id}-topic`} type="text" dir="auto" maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} data-testid="floor-add-topic" />
        </div>
      </div>
      <SubmitButton pending={pending} label={t("floor.chair.add.submit")} pendingLabel={t("common.saving")} data-testid="floor-add-submit" />
    </form>
  );
}
