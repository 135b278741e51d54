import { QA_MODES, SESSION_TYPES, UN_LANGUAGES, zoneLabel } from "@plenary/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";
import { languageLabel } from "../../lib/languages.ts";
import { zonedLocalToIso } from "../../lib/zoned-datetime.ts";
import { Field } from "../../ui/Field.tsx";
import type { SessionFormValues } from "./session-form.ts";
import { SubmitButton } from "../../ui/SubmitButton.tsx";

/** Props for {@link SessionForm}. */
export interface SessionFormProps {
  initial: SessionFormValues;
  timeZone: string;
  errors: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  onSubmit(values: SessionFormValues): void;
}

/** Create/edit form for a session; times are entered in the event's time zone. */
export function SessionForm({ initial, timeZone, errors, pending, submitLabel, onSubmit }: SessionFormProps) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<SessionFormValues>) => setValues((v) => ({ ...v, ...patch }));
  // Label the zone as it is on the session's own date (summer and winter time differ).
  const at = zonedLocalToIso(values.startsAtLocal, timeZone) ?? new Date().toISOString();
  const zoneHint = t("organiser.timesInZone", { zone: `${timeZone} (${zoneLabel(at, timeZone, intlLocale(i18n.language))})` });
  const toggleLanguage = (lang: SessionFormValues["languages"][number], on: boolean) =>
    set({ languages: UN_LANGUAGES.filter((l) => (l === lang ? on : values.languages.includes(l))) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="form__required-note">{t("common.requiredNote")}</p>
      <Field id="title" label={t("organiser.fields.title")} error={errors.title} required>
        {(p) => <input {...p} required maxLength={200} dir="auto" value={values.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field id="description" label={t("organiser.fields.description")} error={errors.description}>
        {(p) => <textarea {...p} rows={4} maxLength={5000} dir="auto" value={values.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      <div className="form__row">
        <Field id="type" label={t("organiser.fields.type")} error={errors.type} required>
          {(p) => (
            <select {...p} value={values.type} onChange={(e) => set({ type: e.target.value as SessionFormValues["type"] })}>
              {SESSION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`sessionTypes.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="room" label={t("organiser.fields.room")} error={errors.room} required>
          {(p) => <input {...p} required maxLength={100} dir="auto" value={values.room} onChange={(e) => set({ room: e.target.value })} />}
        </Field>
      </div>
      <div className="form__row">
        <Field id="startsAt" label={t("organiser.fields.startsAt")} hint={zoneHint} error={errors.startsAt} required>
          {(p) => <input {...p} type="datetime-local" required value={values.startsAtLocal} onChange={(e) => set({ startsAtLocal: e.target.value })} />}
        </Field>
        <Field id="endsAt" label={t("organiser.fields.endsAt")} hint={zoneHint} error={errors.endsAt} required>
          {(p) => <input {...p} type="datetime-local" required value={values.endsAtLocal} onChange={(e) => set({ endsAtLocal: e.target.value })} />}
        </Field>
      </div>
      <fieldset className="fieldset" aria-describedby={errors.languages ? "languages-error" : undefined}>
        <legend>{t("organiser.fields.languages")}</legend>
        <div className="checkbox-grid">
          {UN_LANGUAGES.map((lang) => (
            <label key={lang} className="checkbox">
              <input type="checkbox" checked={values.languages.includes(lang)} onChange={(e) => toggleLanguage(lang, e.target.checked)} />
              {languageLabel(lang, i18n.language)}
            </label>
          ))}
        </div>
        {errors.languages && (
          <p id="languages-error" className="field__error">
            {errors.languages}
          </p>
        )}
      </fieldset>
      <Field id="qaMode" label={t("organiser.fields.qaMode")} error={errors.qaMode}>
        {(p) => (
          <select {...p} value={values.qaMode} onChange={(e) => set({ qaMode: e.target.value as SessionFormValues["qaMode"] })}>
            {QA_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`qaModes.${mode}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pending={pending} label={submitLabel} pendingLabel={t("common.saving")} />
    </form>
  );
}
