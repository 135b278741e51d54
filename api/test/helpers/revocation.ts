import type { Ack } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import type { Db } from "../../src/db/client.ts";
import type { StaffRole } from "../../src/generated/prisma/client.ts";
import { floorChairRoom, floorRoom } from "../../src/floor/floor.broadcast.ts";
import { boothRoom, boothsRoom, interpretationRoom, listenersRoom } from "../../src/interpretation/interpretation.broadcast.ts";
import { qaModeratorRoom, qaPublicRoom } from "../../src/qa/qa.broadcast.ts";
import { sessionRoom } from "../../src/sessions/sessions.handlers.ts";
import { TEST_ORIGIN } from "./app.ts";
import type { TestClient } from "./http.ts";
import { participant } from "./qa.ts";

/** The kinds of socket a decision can reach: who opened it, and what it joined. */
export type SubjectKind = "attendee" | "moderator" | "interpreter" | "stage" | "stage presenter" | "moderator presenter" | "link presenter" | "guest";
/** A session's socket rooms, by what they carry. */
export type RoomKind = "session" | "qa" | "qa-moderators" | "interp" | "interp-staff" | "booth" | "listen" | "floor" | "floor-chair";
export type Namespace = "/" | "/presenter" | "/listen";

/** Every booth in these tests is French; a change of booth goes to Spanish. */
export const BOOTH = "fr";

export const roomName: Record<RoomKind, (sessionId: string) => string> = {
  session: sessionRoom,
  qa: qaPublicRoom,
  "qa-moderators": qaModeratorRoom,
  interp: interpretationRoom,
  "interp-staff": boothsRoom,
  booth: (sessionId) => boothRoom(sessionId, BOOTH),
  listen: listenersRoom,
  floor: floorRoom,
  "floor-chair": floorChairRoom,
};

/** An event a socket received. */
export interface Received {
  event: string;
  payload: { sessionId?: string; session?: { id: string; room: string } };
}

/** Whether an event could only have come through a room of this kind of the session. */
export function cameThrough(kind: RoomKind, sessionId: string, marker: string, { event, payload }: Received): boolean {
  if (kind === "session") return event === "session:updated" && payload.session?.id === sessionId && payload.session.room === marker;
  if (payload.sessionId !== sessionId) return false;
  switch (kind) {
    case "qa":
    case "qa-moderators":
      // Not the author's own news: that goes to the user's room, whatever their role.
      return event.startsWith("qa:") && event !== "qa:my-question-updated";
    case "interp":
      return event === "interpretation:state-changed";
    case "interp-staff":
      return event === "interpretation:booths-changed" || event === "interpretation:slow-down-requested";
    case "booth":
      return event === "interpretation:chat-posted";
    case "floor":
      return event === "floor:changed";
    case "floor-chair":
      return event === "floor:list-changed";
    case "listen":
      return false; // listeners are counted, never told anything through this room
  }
}

/** A real Socket.IO client in a namespace, with a browser's Origin and (optionally) its cookie. */
export function openSocket(baseUrl: string, options: { namespace?: Namespace; cookie?: string; auth?: object } = {}): Promise<Socket> {
  const socket = io(`${baseUrl}${options.namespace === "/" ? "" : (options.namespace ?? "")}`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    auth: options.auth ?? {},
    extraHeaders: { Origin: TEST_ORIGIN, ...(options.cookie ? { Cookie: options.cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

export async function ok<T>(pending: Promise<Ack<T>>): Promise<T> {
  const ack = await pending;
  if ("error" in ack) throw new Error(`expected data, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

export const ask = <T>(socket: Socket, event: string, payload: unknown): Promise<T> => ok<T>(socket.timeout(5000).emitWithAck(event, payload));

export interface Subject {
  kind: SubjectKind;
  namespace: Namespace;
  socket: Socket;
  /** Signed in on process A (absent for link sockets), where decisions are taken. */
  client?: TestClient;
  userId?: string;
}

const ROLE: Partial<Record<SubjectKind, StaffRole>> = {
  moderator: "MODERATOR",
  interpreter: "INTERPRETER",
  stage: "STAGE",
  "stage presenter": "STAGE",
  "moderator presenter": "MODERATOR",
};

/**
 * Opens a subject's socket on `baseUrl` and joins every room its kind may, as its page does:
 * members follow the session, its Q&A, its floor and its interpretation (interpreters from their
 * console, attendees by picking a channel); screens sync the public stream and the floor; guests
 * pick a channel.
 */
export async function openSubject(options: { db: Db; apiA: string; baseUrl: string; sessionId: string; kind: SubjectKind; organiser: TestClient }): Promise<Subject> {
  const { db, baseUrl, sessionId, kind, organiser } = options;
  if (kind === "link presenter") {
    const link = await organiser.post(`/api/sessions/${sessionId}/qa/presenter-links`);
    const socket = await openSocket(baseUrl, { namespace: "/presenter", auth: { token: link.body.token } });
    await ask(socket, "qa:sync", { sessionId });
    await ask(socket, "floor:sync", { sessionId });
    return { kind, namespace: "/presenter", socket };
  }
  if (kind === "guest") {
    const link = await organiser.post(`/api/sessions/${sessionId}/listen-links`, {});
    const socket = await openSocket(baseUrl, { namespace: "/listen", auth: { token: link.body.token } });
    await ask(socket, "interpretation:sync", { sessionId });
    await ask(socket, "interpretation:select", { sessionId, channel: BOOTH });
    return { kind, namespace: "/listen", socket };
  }
  const role = ROLE[kind];
  const { client, user } = await participant(options.apiA, db, role ? { role: { sessionId, role, boothLanguage: role === "INTERPRETER" ? BOOTH : undefined } } : {});
  if (kind.endsWith("presenter")) {
    const socket = await openSocket(baseUrl, { namespace: "/presenter", cookie: client.cookie, auth: { sessionId } });
    await ask(socket, "qa:sync", { sessionId });
    await ask(socket, "floor:sync", { sessionId });
    return { kind, namespace: "/presenter", socket, client, userId: user.userId };
  }
  const socket = await openSocket(baseUrl, { cookie: client.cookie });
  await ask(socket, "session:join", { sessionId });
  await ask(socket, "qa:sync", { sessionId });
  await ask(socket, "floor:sync", { sessionId });
  await ask(socket, "interpretation:sync", { sessionId, console: kind === "interpreter" });
  if (kind === "attendee") await ask(socket, "interpretation:select", { sessionId, channel: BOOTH });
  return { kind, namespace: "/", socket, client, userId: user.userId };
}
