import { expect, test } from "vitest";
import { formatList, intlLocale } from "./format.ts";

test.each([
  ["en", "A, B and C"],
  ["fr", "A, B et C"],
  ["es", "A, B y C"],
  ["ru", "A, B и C"],
  ["zh", "A、B和C"],
  ["ar", "A وB وC"],
])("%s joins a list as the language does: %s", (lang, joined) => {
  expect(formatList(["A", "B", "C"], lang)).toBe(joined);
});

test("English dates follow UN usage: day before month, 24-hour clock", () => {
  expect(new Intl.DateTimeFormat(intlLocale("en"), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date("2024-05-27T15:05:00Z"))).toBe(
    "27 May, 15:05",
  );
});
