import { expect, test } from "vitest";
import { languageAutonym, languageLabel } from "./languages.ts";

test.each([
  ["ar", "العربية"],
  ["zh", "中文"],
  ["en", "English"],
  ["fr", "Français"],
  ["ru", "Русский"],
  ["es", "Español"],
])("%s is listed by its own name, %s", (code, name) => {
  expect(languageAutonym(code)).toBe(name);
});

test.each([
  ["fr", "en", "French (Français)"],
  ["fr", "ru", "Французский (Français)"],
  ["zh", "es", "Chino (中文)"],
  ["ar", "zh", "阿拉伯语 (العربية)"],
  ["en", "ar", "الإنجليزية (English)"],
  ["ru", "ru", "Русский"],
  ["es", "es", "Español"],
])("%s in a %s interface is labelled %s, its own name always shown", (code, ui, label) => {
  expect(languageLabel(code, ui)).toBe(label);
});
