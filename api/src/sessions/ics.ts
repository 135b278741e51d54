import type { TEvent, TSession } from "@plenary/shared";

const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
// RFC 5545 §3.3.11: TEXT escapes backslash, ";" and ",", and writes a line break as "\n". Any line
// break counts (CRLF, LF or a bare CR, which would otherwise end the content line early), and other
// control characters, which TEXT does not allow at all, are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;
const escape = (text: string) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(CONTROL, "");

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space.
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = "";
  for (const ch of line) {
    if (Buffer.byteLength(current + ch, "utf8") > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
    }
    current += ch;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** An iCalendar document for some of an event's sessions, with times in UTC. */
export function buildIcs(event: TEvent, sessions: TSession[], publicUrl: string, now = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Plenary//Agenda//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escape(event.title)}`,
    `X-WR-TIMEZONE:${event.timezone}`,
  ];
  for (const s of sessions) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${s.id}@plenary`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(s.startsAt)}`,
      `DTEND:${stamp(s.endsAt)}`,
      `SUMMARY:${escape(s.title)}`,
      `DESCRIPTION:${escape(s.description)}`,
      `LOCATION:${escape(`${s.room}, ${event.venue}`)}`,
      `URL:${publicUrl}/sessions/${s.id}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
