import { expect, test } from "vitest";
import { languageAutonym } from "./languages.ts";

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
