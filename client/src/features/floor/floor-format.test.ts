import i18next from "i18next";
import { expect, test } from "vitest";
import ar from "../../i18n/locales/ar.json";
import en from "../../i18n/locales/en.json";
import { floorErrorKey, floorLanguages, ordinalCategory, placeText, preferredFloorLanguage } from "./floor-format.ts";

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, ar: { translation: ar } }, lng: "en", interpolation: { escapeValue: false }, initAsync: false });

test.each([
  [undefined, "en", "Your request is with the chair."],
  [1, "en", "You are next in the speakers' list."],
  [2, "en", "You are 2nd in the speakers' list."],
  [3, "en", "You are 3rd in the speakers' list."],
  [4, "en", "You are 4th in the speakers' list."],
  [11, "en", "You are 11th in the speakers' list."],
  [12, "en", "You are 12th in the speakers' list."],
  [21, "en", "You are 21st in the speakers' list."],
  [23, "en", "You are 23rd in the speakers' list."],
  [3, "ar", "ترتيبك 3 في قائمة المتكلمين."],
])("place %s in %s: %s", async (position, language, expected) => {
  await i18n.changeLanguage(language);
  expect(placeText(i18n.t, position, language)).toBe(expected);
});

test("ordinal categories follow each language's rules", () => {
  expect([1, 2, 3, 4, 11, 22].map((n) => ordinalCategory(n, "en"))).toEqual(["one", "two", "few", "other", "other", "two"]);
  expect([1, 2].map((n) => ordinalCategory(n, "fr"))).toEqual(["one", "other"]);
  expect(ordinalCategory(3, "ar")).toBe("other");
});

test.each([
  ["FORBIDDEN", "take", "floor.errors.takenBack"],
  ["CONFLICT", "grant", "floor.errors.listChanged"],
  ["NOT_FOUND", "add", "floor.errors.noSuchAccount"],
  ["NETWORK", "request", "errors.NETWORK"],
  ["RATE_LIMITED", "request", "floor.errors.requestRateLimited"],
] as const)("%s on %s explains itself as %s", (code, context, key) => {
  expect(floorErrorKey(code, context)).toBe(key);
});

test("only the session's known languages are offered", () => {
  expect(floorLanguages(["fr", "en", "xx"])).toEqual(["fr", "en"]);
});

test.each([
  // The interface language wins when offered, whatever the session's order and the profile say.
  [["en", "fr", "ru"], "fr", "en", "fr"],
  [["en", "ru", "es"], "ru", "en", "ru"],
  [["ar", "en"], "en", "ar", "en"],
  // Not offered: the profile's language, if offered.
  [["fr", "en"], "zh", "en", "en"],
  [["fr", "en"], "zh", undefined, "fr"],
  // Neither offered: the session's first language.
  [["fr", "en"], "ar", "zh", "fr"],
  [[], "ar", "ar", "en"],
] as const)("offered %j, interface %s, profile %s: speaks in %s", (offered, interfaceLanguage, preferredLanguage, expected) => {
  expect(preferredFloorLanguage(offered, { interfaceLanguage, preferredLanguage })).toBe(expected);
});
