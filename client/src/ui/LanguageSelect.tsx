import { UN_LANGUAGES } from "@plenary/shared";
import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { languageLabel } from "../lib/languages.ts";

/** Every language select is named: tied to a visible label by `id`, or given an `aria-label`. */
type Labelled = { id: string; "aria-label"?: string } | { id?: string; "aria-label": string };

/** Props for {@link LanguageSelect}. */
export type LanguageSelectProps = Labelled &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "aria-label" | "value" | "onChange" | "children"> & {
    value: string;
    onChange(language: string): void;
    /** The languages offered; the six UN languages unless given. */
    languages?: readonly string[];
    /** An option before the languages, e.g. "All languages" or "Detect automatically". */
    firstOption?: { value: string; label: string };
  };

/**
 * A choice of language. Each is named in the interface language and in its own script
 * ("French (français)"), so a speaker finds theirs whatever language the interface is in.
 */
export function LanguageSelect({ value, onChange, languages = UN_LANGUAGES, firstOption, ...rest }: LanguageSelectProps) {
  const { i18n } = useTranslation();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {firstOption && <option value={firstOption.value}>{firstOption.label}</option>}
      {languages.map((code) => (
        <option key={code} value={code}>
          {languageLabel(code, i18n.language)}
        </option>
      ))}
    </select>
  );
}
