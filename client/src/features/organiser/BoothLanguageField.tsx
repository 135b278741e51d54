import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import { Field } from "../../ui/Field.tsx";

/** Props for {@link BoothLanguageField}. */
export interface BoothLanguageFieldProps {
  id: string;
  languages: readonly string[];
  value: string;
  onChange(language: string): void;
  error?: string;
}

/** The booth (target language) an interpreter works in, from the session's languages. */
export function BoothLanguageField({ id, languages, value, onChange, error }: BoothLanguageFieldProps) {
  const { t, i18n } = useTranslation();
  return (
    <Field id={id} label={t("organiser.roles.booth")} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, i18n.language)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
