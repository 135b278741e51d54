import { RTL_LANGUAGES, UI_LANGUAGES } from "@plenary/shared";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import ar from "./locales/ar.json";
import en from "./locales/en.json";

/** A language the interface is fully translated into. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = "plenary.language";

/** Whether a code (e.g. a profile's preferred language) is one the interface can show. */
export const isUiLanguage = (code: string | null | undefined): code is UiLanguage => UI_LANGUAGES.some((l) => l === code);

/**
 * The locale for dates and times: English follows UN (and Geneva) usage, day before month and a
 * 24-hour clock, rather than US order.
 */
export const intlLocale = (lang: string): string => (lang === "en" ? "en-GB" : lang);

/** Text direction for a language. */
export const directionOf = (lang: string): "rtl" | "ltr" => (RTL_LANGUAGES.includes(lang) ? "rtl" : "ltr");

function readStoredLanguage(): UiLanguage | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The remembered choice, else the browser's first supported language, else English. */
export function initialLanguage(): UiLanguage {
  const browser = navigator.languages.map((l) => l.slice(0, 2)).find(isUiLanguage);
  return readStoredLanguage() ?? browser ?? "en";
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

/** Switches the interface language, mirrors the page for RTL and remembers the choice on this device. */
export async function switchLanguage(lang: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this visit.
  }
  await i18n.changeLanguage(lang);
}

/** Initialises i18next once, before the first render. */
export function initI18n(): typeof i18n {
  const lng = initialLanguage();
  applyToDocument(lng);
  i18n.on("languageChanged", applyToDocument);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng,
    fallbackLng: "en",
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18n;
}
