import type { TQaExportRow } from "@plenary/shared";
import { expect, test } from "vitest";
import { toCsv } from "./export-questions.ts";

const row = (overrides: Partial<TQaExportRow>): TQaExportRow => ({
  id: "q1",
  text: "Plain?",
  language: "en",
  status: "PUBLISHED",
  votes: 3,
  anonymous: false,
  author: "Aisha",
  reply: null,
  mergedIntoId: null,
  createdAt: "2024-05-27T09:00:00.000Z",
  publishedAt: "2024-05-27T09:01:00.000Z",
  answeredAt: null,
  repliedAt: null,
  ...overrides,
});

test("CSV: BOM, header, CRLF rows, quoting of commas, quotes and newlines", () => {
  const csv = toCsv([row({ text: 'He said "yes", then\nleft' })]);
  expect(csv.startsWith("\uFEFFid,createdAt,status,language,votes,text,anonymous,author,reply,repliedAt,publishedAt,answeredAt,mergedIntoId\r\n")).toBe(true);
  expect(csv).toContain(`,"He said ""yes"", then\nleft",`);
  expect(csv.endsWith("\r\n")).toBe(true);
});

test.each(["=1+1", "+1", "-1", "@SUM(A1)"])("CSV: a cell starting like a formula (%s) is neutralised", (text) => {
  expect(toCsv([row({ text })])).toContain(`,'${text},`);
});

test("CSV: Arabic and Chinese pass through untouched; empty values stay empty", () => {
  const csv = toCsv([row({ text: "كيف سيتم سد الفجوة الرقمية؟ 数字鸿沟", author: null, anonymous: true })]);
  expect(csv).toContain("كيف سيتم سد الفجوة الرقمية؟ 数字鸿沟,true,,");
});
