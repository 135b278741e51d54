import { expect, test } from "vitest";
import { buildIcs } from "./ics.ts";

test("iCalendar output is RFC 5545 shaped: CRLF, UTC stamps, escaped and folded text", () => {
  const event = { id: "e", slug: "wsis", title: "WSIS+20", venue: "CICG, Geneva", startDate: "2024-05-27", endDate: "2024-05-31", timezone: "Europe/Zurich", languages: ["en"], isSample: true };
  const session = {
    id: "s1", eventId: "e", title: "Action line C1; governments, all stakeholders", description: "Line one\nline two " + "x".repeat(100),
    type: "POLICY" as const, room: "Room 1", startsAt: "2024-05-27T07:00:00.000Z", endsAt: "2024-05-27T08:30:00.000Z",
    status: "SCHEDULED" as const, languages: ["en"], qaMode: "MODERATED" as const, isSample: true,
  };
  const ics = buildIcs(event, [session], "https://plenary.example", new Date("2024-01-01T00:00:00Z"));
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics).toContain("DTSTART:20240527T070000Z\r\n");
  expect(ics).toContain("DTEND:20240527T083000Z\r\n");
  expect(ics).toContain("SUMMARY:Action line C1\\; governments\\, all stakeholders");
  expect(ics).toContain("LOCATION:Room 1\\, CICG\\, Geneva");
  expect(ics).toContain("UID:s1@plenary");
  for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(ics).toContain("\r\n x");
});

test("organiser text cannot break a content line: CR, LF and other controls never reach the file raw", () => {
  const event = { id: "e", slug: "wsis", title: "WSIS\r+20", venue: "CICG\rGeneva", startDate: "2024-05-27", endDate: "2024-05-31", timezone: "Europe/Zurich", languages: ["en"], isSample: false };
  const session = {
    id: "s2", eventId: "e", title: "Opening\rDTSTART:19700101T000000Z", description: "one\rtwo\r\nthree\nfour\u0007\u001b\ttab",
    type: "POLICY" as const, room: "Room\r\r2", startsAt: "2024-05-27T07:00:00.000Z", endsAt: "2024-05-27T08:30:00.000Z",
    status: "SCHEDULED" as const, languages: ["en"], qaMode: "MODERATED" as const, isSample: false,
  };
  const ics = buildIcs(event, [session], "https://plenary.example", new Date("2024-01-01T00:00:00Z"));
  // CRLF is the only line ending, and each line is one property (or a folded continuation).
  const lines = ics.split("\r\n");
  // eslint-disable-next-line no-control-regex -- control characters are what must not appear
  for (const line of lines) expect(line).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(ics).toContain("SUMMARY:Opening\\nDTSTART:19700101T000000Z\r\n");
  expect(ics).toContain("DESCRIPTION:one\\ntwo\\nthree\\nfour\ttab\r\n");
  expect(ics).toContain("LOCATION:Room\\n\\n2\\, CICG\\nGeneva\r\n");
  expect(ics).toContain("X-WR-CALNAME:WSIS\\n+20\r\n");
  expect(lines.filter((line) => line.startsWith("DTSTART:"))).toEqual(["DTSTART:20240527T070000Z"]);
});
