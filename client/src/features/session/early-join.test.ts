import { describe, expect, it } from "vitest";
import { attendeeRoomOf } from "./early-join.ts";

describe("attendeeRoomOf", () => {
  it.each([
    ["/sessions/abc", "", "abc"],
    ["/sessions/abc/", "", "abc"],
    ["/sessions/a%20b", "", "a b"],
    ["/sessions/abc", "?lang=fr", "abc"],
  ])("%s%s is the attendee room of %s", (pathname, search, id) => {
    expect(attendeeRoomOf({ pathname, search })).toBe(id);
  });

  it.each([
    ["/", ""],
    ["/sessions", ""],
    ["/sessions/abc/moderate", ""],
    ["/sessions/abc/presenter", ""],
    ["/sessions/abc", "?as=speaker"],
    ["/sessions/%E0%A4%A", ""],
    ["/organiser/sessions/abc", ""],
  ])("%s%s starts no early join", (pathname, search) => {
    expect(attendeeRoomOf({ pathname, search })).toBeUndefined();
  });
});
