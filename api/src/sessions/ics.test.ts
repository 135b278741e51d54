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
