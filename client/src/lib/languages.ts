/** The name of a language in the interface language, e.g. languageName("fr", "ar") → "الفرنسية". */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A label that also gives the language's own name, so a speaker can find it in any interface
 * language: "French (français)"; just "English" when both are the same.
 */
export function languageLabel(code: string, uiLanguage: string): string {
  const name = languageName(code, uiLanguage);
  const autonym = languageName(code, code);
  return name === autonym ? name : `${name} (${autonym})`;
}

/**
 * A language's own name as a stand-alone label, capitalised as its speakers write one
 * ("Français", "Русский", "中文"): what a listener looks for in a channel list.
 */
export function languageAutonym(code: string): string {
  const name = languageName(code, code);
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}
