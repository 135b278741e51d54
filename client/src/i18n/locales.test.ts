import { UI_LANGUAGES } from "@plenary/shared";
import { describe, expect, test } from "vitest";
import type { UiLanguage } from "./locale-loader.ts";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import ru from "./locales/ru.json";
import zh from "./locales/zh.json";

type Tree = { [key: string]: string | Tree };
type Flat = Record<string, string>;

const LOCALES: Record<UiLanguage, Tree> = { ar, zh, en, fr, ru, es };

const flatten = (tree: Tree, prefix = ""): Flat =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
/** The variables a string interpolates: "{{count, number}} in {{language}}" → ["count", "language"]. */
const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

const english = flatten(en);

/** The keys a language must have: English's, each plural in exactly the forms that language uses. */
function expectedKeys(lang: string): string[] {
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const plurals = new Set(Object.keys(english).filter((k) => PLURAL.test(k)).map(base));
  const keys = new Set(Object.keys(english).map((k) => (plurals.has(base(k)) ? base(k) : k)));
  return [...keys].flatMap((k) => (plurals.has(k) ? forms.map((form) => `${k}_${form}`) : [k])).sort();
}

/** Keys English has and the locale lacks, and keys the locale has that English does not. */
function keyProblems(locale: Flat, lang: string) {
  const expected = expectedKeys(lang);
  return { missing: expected.filter((k) => !(k in locale)), extra: Object.keys(locale).filter((k) => !expected.includes(k)).sort() };
}

/** Keys whose variables differ from English's. A plural form may leave out the count ("جلسة واحدة") but nothing else. */
function variableProblems(locale: Flat): string[] {
  return Object.entries(locale)
    .filter(([key, text]) => {
      if (!PLURAL.test(key)) return variables(text).join() !== variables(english[key] ?? "").join();
      const wanted = variables(english[`${base(key)}_other`] ?? "");
      const own = variables(text);
      return !own.every((v) => wanted.includes(v)) || !wanted.every((v) => v === "count" || own.includes(v));
    })
    .map(([key]) => key);
}

describe.each(UI_LANGUAGES)("%s", (lang) => {
  const locale = flatten(LOCALES[lang]);

  test("has every key English has, with this language's plural forms, and no other", () => {
    expect(keyProblems(locale, lang)).toEqual({ missing: [], extra: [] });
  });

  test("interpolates the same variables as English", () => {
    expect(variableProblems(locale)).toEqual([]);
  });

  test("leaves no string empty", () => {
    expect(Object.keys(locale).filter((k) => locale[k]!.trim() === "")).toEqual([]);
  });
});

test("the checks catch a missing key, an extra key, a missing plural form and a changed variable", () => {
  const { "app.crashTitle": _dropped, ...rest } = english;
  const broken: Flat = { ...rest, "agenda.count_few": "{{count}}", "qa.extra": "x", "app.reload": "{{what}}", "interpretation.booth.audience_few": "{{count}}" };
  expect(keyProblems(broken, "ru")).toEqual({ missing: expect.arrayContaining(["app.crashTitle", "agenda.count_many"]), extra: ["qa.extra"] });
  expect(variableProblems(broken)).toEqual(["app.reload", "interpretation.booth.audience_few"]);
});
