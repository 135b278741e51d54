import { UI_LANGUAGES } from "@plenary/shared";
import { afterEach, expect, test, vi } from "vitest";
import { initialLanguage, isUiLanguage, loadTranslation } from "./locale-loader.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

test.each(UI_LANGUAGES)("%s is an interface language", (lang) => {
  expect(isUiLanguage(lang)).toBe(true);
});

test.each(["de", "", null, undefined, "toString"])("%s is not", (code) => {
  expect(isUiLanguage(code)).toBe(false);
});

test.each(UI_LANGUAGES.filter((l) => l !== "en"))("%s's translation is fetched on its own", async (lang) => {
  const translation = await loadTranslation(lang);
  expect(translation).toEqual((await import(`./locales/${lang}.json`)).default);
});

test("English ships with the app, so nothing is fetched for it", async () => {
  expect(await loadTranslation("en")).toBeUndefined();
});

test.each([
  [null, ["de-CH", "ru-RU", "en"], "ru"],
  [null, ["zh-CN"], "zh"],
  [null, ["de", "it"], "en"],
  ["es", ["fr-FR"], "es"],
  ["xx", ["fr-FR"], "fr"],
])("remembered %s, browser %j → %s", (stored, languages, expected) => {
  vi.stubGlobal("navigator", { languages });
  vi.stubGlobal("localStorage", { getItem: () => stored });
  expect(initialLanguage()).toBe(expected);
});
