/** The six UN languages by their own names, as the UN's own sites list them. */
const AUTONYMS: Readonly<Record<string, string>> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

// Stand-alone labels start with a capital where the script has them ("français" → "Français").
const capitalised = (name: string, lang: string): string => name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);

/** The name of a language in the interface language, e.g. languageName("fr", "ar") → "الفرنسية". */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A language's own name as a stand-alone label, capitalised as its speakers write one
 * ("Français", "Русский", "中文"): what a listener looks for in a language picker. The UN
 * languages come from a fixed table, so they read the same in every browser.
 */
export function languageAutonym(code: string): string {
  return AUTONYMS[code] ?? capitalised(languageName(code, code), code);
}

/**
 * A stand-alone label (an option, a checkbox) that also gives the language's own name, so a
 * speaker finds it in any interface language: "French (Français)", "Французский (Français)"; just
 * "Français" when both are the same.
 */
export function languageLabel(code: string, uiLanguage: string): string {
  const name = capitalised(languageName(code, uiLanguage), uiLanguage);
  const autonym = languageAutonym(code);
  return name === autonym ? autonym : `${name} (${autonym})`;
}

