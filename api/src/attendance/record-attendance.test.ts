import { roomNameFor } from "@plenary/shared";
import { expect, test } from "vitest";
import { attendanceFromEvent, type AttendanceEvent } from "./record-attendance.ts";

const sessionId = "2b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
const userId = "0b7c1f8e-5d2a-4c1e-9f3b-0a1b2c3d4e5f";
const event = (fields: { event: AttendanceEvent["event"]; room?: string; identity?: string; id?: string; sid?: string }): AttendanceEvent => ({
  event: fields.event,
  id: fields.id ?? "EV_1",
  createdAt: 1_716_800_000n,
  room: fields.room === undefined ? undefined : { name: fields.room },
  participant: fields.identity === undefined ? undefined : { identity: fields.identity, ...(fields.sid && { sid: fields.sid }) },
});

test.each([
  // event,                room,                   identity, expected kind
  ["participant_joined", roomNameFor(sessionId), "u1", "JOINED"],
  ["participant_left", roomNameFor(sessionId), "u1", "LEFT"],
  ["track_published", roomNameFor(sessionId), "u1", undefined],
  ["participant_joined", "lobby", "u1", undefined],
  ["participant_joined", roomNameFor(sessionId), undefined, undefined],
] as const)("%s in %s by %s → %s", (name, room, identity, kind) => {
  expect(attendanceFromEvent(event({ event: name, room, identity }))?.kind).toBe(kind);
});

test("a join becomes a row keyed by the webhook id, timed by LiveKit's clock, naming the person and the connection", () => {
  const identity = `${userId}:speaker:speak`;
  expect(attendanceFromEvent(event({ event: "participant_joined", room: roomNameFor(sessionId), identity, id: "EV_9", sid: "PA_1" }))).toEqual({
    webhookId: "EV_9",
    sessionId,
    identity,
    userId,
    participantSid: "PA_1",
    kind: "JOINED",
    at: new Date(1_716_800_000 * 1000),
  });
});

test("a guest's row names no person", () => {
  expect(attendanceFromEvent(event({ event: "participant_joined", room: roomNameFor(sessionId), identity: "guest-x-1" }))).toMatchObject({ userId: null, participantSid: null });
});
