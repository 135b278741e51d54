import i18next from "i18next";
import { beforeAll, describe, expect, test } from "vitest";
import ar from "./locales/ar.json";
import en from "./locales/en.json";
import es from "./locales/es.json";
import fr from "./locales/fr.json";
import ru from "./locales/ru.json";
import zh from "./locales/zh.json";

// The real strings through i18next's own plural resolution (Intl.PluralRules) and number formatting.
const i18n = i18next.createInstance();
beforeAll(async () => {
  const translation = { ar, en, es, fr, ru, zh };
  await i18n.init({
    resources: Object.fromEntries(Object.entries(translation).map(([lng, t]) => [lng, { translation: t }])),
    fallbackLng: "en",
    interpolation: { escapeValue: false },
  });
});

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100] as const;
type CountedKey = "agenda.count" | "session.rejoining" | "qa.ask.charsLeft" | "qa.console.votes" | "qa.presenter.votesLabel" | "interpretation.booth.audience";
const render = (lng: string, key: CountedKey, count: number, extra: Record<string, string> = {}) => i18n.t(key, { lng, count, ...extra });

describe("Russian: one, few and many", () => {
  test.each([
    ["agenda.count", ["0 заседаний", "1 заседание", "2 заседания", "3 заседания", "5 заседаний", "11 заседаний", "21 заседание", "100 заседаний"]],
    ["qa.presenter.votesLabel", ["голосов", "голос", "голоса", "голоса", "голосов", "голосов", "голос", "голосов"]],
    ["qa.console.votes", ["0 голосов", "1 голос", "2 голоса", "3 голоса", "5 голосов", "11 голосов", "21 голос", "100 голосов"]],
    ["session.rejoining", ["0 секунд", "1 секунду", "2 секунды", "3 секунды", "5 секунд", "11 секунд", "21 секунду", "100 секунд"].map((s) => `Повторное подключение через ${s}…`)],
  ] as const)("%s", (key, expected) => {
    expect(COUNTS.map((n) => render("ru", key, n))).toEqual(expected);
  });

  test("the listener count names the channel in every form", () => {
    expect(COUNTS.map((n) => render("ru", "interpretation.booth.audience", n, { language: "французский" }))).toEqual(
      ["0 слушателей", "1 слушатель", "2 слушателя", "3 слушателя", "5 слушателей", "11 слушателей", "21 слушатель", "100 слушателей"].map((s) => `Канал «французский»: ${s}`),
    );
  });
});

describe("Arabic: zero, one, two, few, many and other", () => {
  test.each([
    ["agenda.count", ["لا جلسات", "جلسة واحدة", "جلستان", "3 جلسات", "5 جلسات", "11 جلسة", "21 جلسة", "100 جلسة"]],
    ["qa.console.votes", ["لا أصوات", "صوت واحد", "صوتان", "3 أصوات", "5 أصوات", "11 صوتًا", "21 صوتًا", "100 صوت"]],
    ["qa.ask.charsLeft", ["لم يتبقَّ أي حرف", "يتبقّى حرف واحد", "يتبقّى حرفان", "تتبقّى 3 أحرف", "تتبقّى 5 أحرف", "يتبقّى 11 حرفًا", "يتبقّى 21 حرفًا", "يتبقّى 100 حرف"]],
  ] as const)("%s", (key, expected) => {
    expect(COUNTS.map((n) => render("ar", key, n))).toEqual(expected);
  });

  test("the listener count names the channel in every form", () => {
    expect(COUNTS.map((n) => render("ar", "interpretation.booth.audience", n, { language: "الفرنسية" }))).toEqual([
      "لا أحد يستمع إلى الفرنسية",
      "مستمع واحد إلى الفرنسية",
      "مستمعان إلى الفرنسية",
      "3 مستمعين إلى الفرنسية",
      "5 مستمعين إلى الفرنسية",
      "11 مستمعاً إلى الفرنسية",
      "21 مستمعاً إلى الفرنسية",
      "100 مستمع إلى الفرنسية",
    ]);
  });
});

test.each([
  ["en", 1, "1 vote"],
  ["en", 2, "2 votes"],
  ["fr", 0, "0 vote"],
  ["fr", 1, "1 vote"],
  ["es", 1, "1 voto"],
  ["es", 0, "0 votos"],
  ["zh", 1, "1 票"],
  ["zh", 21, "21 票"],
])("%s: %i → %s (the presenter screen no longer says “1 Votes”)", (lng, count, expected) => {
  expect(render(lng, "qa.console.votes", count)).toBe(expected);
});

test.each([
  ["fr", 1_000_000, "de séances"],
  ["es", 1_000_000, "de sesiones"],
  ["ru", 1_500, "заседаний"],
  ["en", 1_500, "sessions"],
])("%s writes %i in its own digits grouping, with its plural (%s)", (lng, count, noun) => {
  expect(render(lng, "agenda.count", count)).toBe(`${new Intl.NumberFormat(lng).format(count)} ${noun}`);
});
