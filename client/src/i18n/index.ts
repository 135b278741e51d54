import { RTL_LANGUAGES, UI_LANGUAGES } from "@plenary/shared";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { loadTranslation, storeLanguage, type Translation, type UiLanguage } from "./locale-loader.ts";
import en from "./locales/en.json";

export { intlLocale } from "./format.ts";
export { isUiLanguage, type UiLanguage } from "./locale-loader.ts";

/** Text direction for a language. */
export const directionOf = (lang: string): "rtl" | "ltr" => (RTL_LANGUAGES.includes(lang) ? "rtl" : "ltr");

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/**
 * Switches the interface language, mirrors the page for RTL and remembers the choice on this device.
 * A language not yet loaded is fetched first; if that fails, the interface stays as it is.
 */
export async function switchLanguage(lang: UiLanguage): Promise<void> {
  if (!i18n.hasResourceBundle(lang, "translation")) {
    const translation = await loadTranslation(lang);
    if (translation) i18n.addResourceBundle(lang, "translation", translation);
  }
  storeLanguage(lang);
  await i18n.changeLanguage(lang);
}

/** What the page's first script found: the language to show and its translation (none for English). */
export interface InitialLocale {
  language: UiLanguage;
  /** Undefined for English, and when the translation could not be fetched (English is shown then). */
  translation: Translation | undefined;
}

/** Initialises i18next once, before the first render, so that render is already in the right language. */
export function initI18n({ language, translation }: InitialLocale): typeof i18n {
  const lng = translation ? language : "en";
  applyToDocument(lng);
  i18n.on("languageChanged", applyToDocument);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ...(translation && { [lng]: { translation } }) },
    lng,
    fallbackLng: "en",
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18n;
}
