import { expect, test } from "vitest";
import ar from "./locales/ar.json";
import en from "./locales/en.json";

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const enKeys = flatten(en);
const arKeys = flatten(ar);

test("Arabic translates every English string, and nothing else", () => {
  expect(new Set(Object.keys(arKeys).map(base))).toEqual(new Set(Object.keys(enKeys).map(base)));
});

test("Arabic has all six plural forms wherever English has plurals", () => {
  const plurals = new Set(Object.keys(enKeys).filter((k) => PLURAL.test(k)).map(base));
  for (const key of plurals) {
    for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(arKeys).toHaveProperty([`${key}_${form}`]);
  }
});

test("Arabic keeps every placeholder", () => {
  const mismatched = Object.keys(enKeys).filter((k) => !PLURAL.test(k) && placeholders(arKeys[k] ?? "").join() !== placeholders(enKeys[k]!).join());
  expect(mismatched).toEqual([]);
});
