import { describe, expect, test } from "vitest";
import { attendeesOf, type AttendanceRow } from "./attendance.rules.ts";

const U = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
const at = (s: number) => new Date(Date.UTC(2024, 4, 28, 10, 0, s));
const row = (identity: string, kind: "JOINED" | "LEFT", s: number, sid: string | null, userId: string | null = U): AttendanceRow => ({ identity, userId, participantSid: sid, kind, at: at(s) });

describe("attendeesOf", () => {
  test("a person with two views open is one attendee, present while one view remains", () => {
    const rows = [
      row(`${U}:attendee:session`, "JOINED", 0, "PA_1"),
      row(`${U}:speaker:speak`, "JOINED", 10, "PA_2"),
      row(`${U}:attendee:session`, "LEFT", 20, "PA_1"),
    ];
    expect(attendeesOf(rows, at(60))).toEqual([{ key: U, userId: U, firstJoinedAt: at(0), present: true, secondsPresent: 60 }]);
  });

  test("overlapping views count their time once; leaving the last one ends the attendance", () => {
    const rows = [
      row(U, "JOINED", 0, "PA_1"),
      row(`${U}:attendee:session`, "JOINED", 5, "PA_2"),
      row(U, "LEFT", 30, "PA_1"),
      row(`${U}:attendee:session`, "LEFT", 40, "PA_2"),
    ];
    expect(attendeesOf(rows, at(100))).toEqual([{ key: U, userId: U, firstJoinedAt: at(0), present: false, secondsPresent: 40 }]);
  });

  test("a reconnect under the same identity pairs by connection, whatever order the webhooks came in", () => {
    const identity = `${U}:attendee:session`;
    // The new connection's join is reported before the old one's leave, in the same second.
    const rows = [row(identity, "JOINED", 0, "PA_old"), row(identity, "JOINED", 10, "PA_new"), row(identity, "LEFT", 10, "PA_old")];
    expect(attendeesOf(rows, at(30))[0]).toMatchObject({ present: true, secondsPresent: 30 });
    // A connection that joined and left within one second is over.
    expect(attendeesOf([row(identity, "LEFT", 5, "PA_1"), row(identity, "JOINED", 5, "PA_1")], at(30))[0]).toMatchObject({ present: false, secondsPresent: 0 });
  });

  test("rows without a sid pair in time order per identity, a leave first at equal times", () => {
    const rows = [row(U, "JOINED", 0, null), row(U, "LEFT", 10, null), row(U, "JOINED", 10, null)];
    expect(attendeesOf(rows, at(20))[0]).toMatchObject({ present: true, secondsPresent: 20 });
  });

  test("guests are one attendee per connection, and a leave without its join is no attendance", () => {
    const rows = [row("guest-a-1", "JOINED", 0, "PA_g1", null), row("guest-a-2", "JOINED", 0, "PA_g2", null), row(`${U}:attendee:session`, "LEFT", 3, "PA_9")];
    expect(attendeesOf(rows, at(10)).map((a) => a.key)).toEqual(["guest-a-1", "guest-a-2"]);
  });
});
