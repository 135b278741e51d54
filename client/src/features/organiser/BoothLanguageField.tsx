import { useTranslation } from "react-i18next";
import { Field } from "../../ui/Field.tsx";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";

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
  const { t } = useTranslation();
  return (
    <Field id={id} label={t("organiser.roles.booth")} error={error}>
      {(p) => <LanguageSelect {...p} value={value} onChange={onChange} languages={languages} />}
    </Field>
  );
}
