import { floorChairRoom, floorRoom } from "../floor/floor.broadcast.ts";
import { boothRoom, boothsRoom, interpretationRoom, listenersRoom } from "../interpretation/interpretation.broadcast.ts";
import { qaModeratorRoom, qaPublicRoom } from "../qa/qa.broadcast.ts";
import { sessionRoom } from "../sessions/sessions.handlers.ts";
import { can, type Action, type PolicyInput } from "./policy.ts";

/**
 * Which of a session's Socket.IO rooms a socket may stay in, by the access policy. Handlers check
 * the policy when a socket joins a room; these rules say which action each room needed, so that a
 * later decision (a role taken away, the session ended) can take the socket out again.
 */

/** A socket's holder in one session: what the policy needs, and their booth if they interpret. */
export interface RoomHolder extends PolicyInput {
  boothLanguage: string | null;
}

interface RoomRule {
  room(sessionId: string): string;
  action: Action;
}

/** The namespaces whose rooms carry a session's broadcasts, each with its own audience. */
export type Audience = "members" | "presenters" | "guests";

const RULES: Record<Audience, readonly RoomRule[]> = {
  // Signed-in members in the main namespace. Booth rooms are apart: they also need the language.
  members: [
    { room: sessionRoom, action: "session.follow" },
    { room: qaPublicRoom, action: "qa.follow" },
    { room: qaModeratorRoom, action: "qa.moderate" },
    { room: interpretationRoom, action: "interpretation.listen" },
    { room: listenersRoom, action: "interpretation.listen" },
    { room: boothsRoom, action: "interpretation.watch-booths" },
    { room: floorRoom, action: "floor.follow" },
    { room: floorChairRoom, action: "floor.chair" },
  ],
  // The venue screen hears the public Q&A stream and the floor under the same room names.
  presenters: [
    { room: qaPublicRoom, action: "qa.present" },
    { room: floorRoom, action: "qa.present" },
  ],
  // Guest listeners hear the interpretation state under the same room names as members.
  guests: [
    { room: interpretationRoom, action: "interpretation.listen" },
    { room: listenersRoom, action: "interpretation.listen" },
  ],
};

const boothRoomPrefix = (sessionId: string) => boothRoom(sessionId, "");

/** The session's rooms in an audience's namespace; booth rooms for the languages given. */
export function sessionRooms(audience: Audience, sessionId: string, languages: readonly string[] = []): string[] {
  const rooms = RULES[audience].map((rule) => rule.room(sessionId));
  return audience === "members" ? [...rooms, ...languages.map((language) => boothRoom(sessionId, language))] : rooms;
}

/** Whether the holder may be in `room`; undefined when it is not one of the session's rooms. */
export function mayStay(audience: Audience, sessionId: string, holder: RoomHolder, room: string): boolean | undefined {
  const rule = RULES[audience].find((r) => r.room(sessionId) === room);
  if (rule) return can(holder, rule.action);
  if (audience === "members" && room.startsWith(boothRoomPrefix(sessionId))) {
    // Only the booth of one's own language: interpreters chat with their own booth.
    return can(holder, "interpretation.booth") && room === boothRoom(sessionId, holder.boothLanguage ?? "");
  }
  return undefined;
}

/** Of the rooms a socket is in, the session's rooms its holder may no longer be in. */
export function roomsToLeave(audience: Audience, sessionId: string, holder: RoomHolder, rooms: Iterable<string>): string[] {
  return [...rooms].filter((room) => mayStay(audience, sessionId, holder, room) === false);
}
