// Imported by the page's first script (main.tsx), so it stays free of i18next, React and the shared
// contract (types only): the interface language is known, and its translation requested, while the
// app bundle is still loading.
import type { UI_LANGUAGES } from "@plenary/shared";

/** A language the interface is fully translated into. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A translation as its JSON file holds it. */
export type Translation = Record<string, unknown>;

const STORAGE_KEY = "plenary.language";

// English is bundled with the app (it is also every other language's fallback); the others are
// separate chunks, so the first load carries one translation, not six.
const LOADERS = {
  ar: () => import("./locales/ar.json"),
  zh: () => import("./locales/zh.json"),
  fr: () => import("./locales/fr.json"),
  ru: () => import("./locales/ru.json"),
  es: () => import("./locales/es.json"),
} satisfies Record<Exclude<UiLanguage, "en">, () => Promise<{ default: Translation }>>;

/** Whether a code (e.g. a profile's preferred language) is one the interface can show. */
export const isUiLanguage = (code: string | null | undefined): code is UiLanguage => code === "en" || (!!code && Object.hasOwn(LOADERS, code));

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

/** Remembers the choice on this device. */
export function storeLanguage(lang: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing may refuse storage; the choice still applies to this visit.
  }
}

/**
 * Fetches a language's translation; undefined for English, which the app bundle carries. A failed
 * fetch rejects, and the caller keeps the language it has.
 */
export async function loadTranslation(lang: UiLanguage): Promise<Translation | undefined> {
  if (lang === "en") return undefined;
  return (await LOADERS[lang]()).default;
}
