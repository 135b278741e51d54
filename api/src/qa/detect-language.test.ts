import { describe, expect, test } from "vitest";
import { detectLanguage } from "./detect-language.ts";

describe("detectLanguage", () => {
  test.each([
    ["en", "How will the WSIS action lines address AI governance?"],
    ["en", "Will the panel discuss open source software and digital public goods?"],
    ["fr", "Comment le Forum va-t-il intégrer les pays les moins avancés ?"],
    ["fr", "Merci, et le financement ?"],
    ["es", "¿Qué medidas concretas se tomarán para cerrar la brecha digital?"],
    ["es", "¿Y la financiación?"],
    ["ru", "Какие меры будут приняты для преодоления цифрового разрыва?"],
    ["ar", "كيف سيتم سد الفجوة الرقمية في الدول النامية؟"],
    ["zh", "如何弥合发展中国家的数字鸿沟？"],
    ["pt", "Como o Brasil participa desse processo?"],
  ])("tags %s: %s", (expected, text) => {
    expect(detectLanguage(text)).toEqual({ language: expected, reliable: true });
  });

  test("a Russian/Bulgarian tie goes to the UN language", () => {
    expect(detectLanguage("А финансирование?").language).toBe("ru");
  });

  test.each([
    ["zh", "谢谢"],
    ["ar", "شكرا!"],
  ])("falls back on the script for very short %s text", (expected, text) => {
    expect(detectLanguage(text).language).toBe(expected);
  });

  test.each(["ok", "5G?", "???", "12345"])("says `und` rather than guessing on %j", (text) => {
    expect(detectLanguage(text)).toEqual({ language: "und", reliable: false });
  });

  test("mixed-direction text is tagged by its dominant language", () => {
    expect(detectLanguage("ما هو موقف ITU من تنظيم AI في المنطقة العربية؟").language).toBe("ar");
  });
});
