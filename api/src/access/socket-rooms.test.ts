import { describe, expect, test } from "vitest";
import type { SessionStatus } from "../generated/prisma/client.ts";
import { mayStay, roomsToLeave, sessionRooms, type Audience, type RoomHolder } from "./socket-rooms.ts";

const S = "7d0f3c56-0000-4000-8000-000000000001";
const OTHER = "7d0f3c56-0000-4000-8000-000000000002";

const holder = (roles: RoomHolder["roles"], status: SessionStatus, extra: Partial<RoomHolder> = {}): RoomHolder => ({ roles, status, isOrganiser: false, boothLanguage: null, ...extra });
const attendee = (status: SessionStatus) => holder([], status);
const moderator = (status: SessionStatus) => holder(["MODERATOR"], status);
const stage = (status: SessionStatus) => holder(["STAGE"], status);
const frInterpreter = (status: SessionStatus) => holder(["INTERPRETER"], status, { boothLanguage: "fr" });
const organiser = (status: SessionStatus) => holder([], status, { isOrganiser: true });

describe("which of a session's socket rooms a holder may stay in", () => {
  test.each<[string, Audience, string, RoomHolder, boolean]>([
    ["an attendee follows a live session", "members", `session:${S}`, attendee("LIVE"), true],
    ["an attendee leaves the session's channel once it ends", "members", `session:${S}`, attendee("ENDED"), false],
    ["a moderator leaves the channel once it ends (only organisers follow ended sessions)", "members", `session:${S}`, moderator("ENDED"), false],
    ["an organiser follows an ended session", "members", `session:${S}`, organiser("ENDED"), true],
    ["an attendee reads the public Q&A while live", "members", `qa:${S}:public`, attendee("LIVE"), true],
    ["an attendee stops hearing the Q&A once the session ends", "members", `qa:${S}:public`, attendee("ENDED"), false],
    ["an attendee is never among the moderators", "members", `qa:${S}:moderators`, attendee("LIVE"), false],
    ["a stage operator is not among the moderators", "members", `qa:${S}:moderators`, stage("LIVE"), false],
    ["a moderator keeps the moderators' stream after the end, to answer and archive", "members", `qa:${S}:moderators`, moderator("ENDED"), true],
    ["an attendee hears the interpretation state while live", "members", `interp:${S}`, attendee("LIVE"), true],
    ["nobody but organisers hears it after the end", "members", `interp:${S}`, stage("ENDED"), false],
    ["an attendee is not counted as a listener after the end", "members", `listen:${S}`, attendee("ENDED"), false],
    ["the stage operator watches the booths", "members", `interp-staff:${S}`, stage("LIVE"), true],
    ["an attendee never watches the booths", "members", `interp-staff:${S}`, attendee("LIVE"), false],
    ["an interpreter is in their own booth", "members", `booth:${S}:fr`, frInterpreter("LIVE"), true],
    ["an interpreter is not in another booth", "members", `booth:${S}:es`, frInterpreter("LIVE"), false],
    ["an interpreter leaves their booth once the session ends", "members", `booth:${S}:fr`, frInterpreter("ENDED"), false],
    ["a moderator is in no booth", "members", `booth:${S}:fr`, moderator("LIVE"), false],
    ["an attendee follows the floor while live", "members", `floor:${S}`, attendee("LIVE"), true],
    ["an attendee stops following the floor once the session ends", "members", `floor:${S}`, attendee("ENDED"), false],
    ["only the chair runs the speakers' list", "members", `floor-chair:${S}`, stage("LIVE"), false],
    ["the moderator runs it while the session is open", "members", `floor-chair:${S}`, moderator("LIVE"), true],
    ["the stage operator's screen shows the public stream", "presenters", `qa:${S}:public`, stage("LIVE"), true],
    ["and the floor", "presenters", `floor:${S}`, stage("LIVE"), true],
    ["an attendee's screen may not", "presenters", `qa:${S}:public`, attendee("LIVE"), false],
    ["a guest hears the interpretation state while live", "guests", `interp:${S}`, attendee("LIVE"), true],
    ["a guest stops hearing it once the session ends", "guests", `interp:${S}`, attendee("ENDED"), false],
  ])("%s", (_name, audience, room, who, expected) => {
    expect(mayStay(audience, S, who, room)).toBe(expected);
  });

  test("rooms of other sessions, and personal rooms, are none of this session's business", () => {
    for (const room of [`session:${OTHER}`, `booth:${OTHER}:fr`, "user:someone", "login:abc", "presenter-links:" + S]) {
      expect(mayStay("members", S, attendee("ENDED"), room)).toBeUndefined();
    }
  });

  test("a removed moderator leaves only what the role gave: the moderators' stream and the booths' view", () => {
    const rooms = [`session:${S}`, `qa:${S}:moderators`, `interp:${S}`, `interp-staff:${S}`, `user:x`, `session:${OTHER}`];
    expect(roomsToLeave("members", S, attendee("LIVE"), rooms)).toEqual([`qa:${S}:moderators`, `interp-staff:${S}`]);
  });

  test("every room a session has in each namespace is ruled on", () => {
    for (const audience of ["members", "presenters", "guests"] as const) {
      for (const room of sessionRooms(audience, S, ["en", "fr"])) expect(mayStay(audience, S, organiser("LIVE"), room)).toBeTypeOf("boolean");
    }
  });
});
