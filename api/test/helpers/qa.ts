import { randomUUID } from "node:crypto";
import { followQa, type Ack, type QaState } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import { openLoginSession } from "../../src/auth/open-login-session.ts";
import type { Db } from "../../src/db/client.ts";
import { SESSION_COOKIE } from "../../src/http/middleware.ts";
import type { QuestionStatus, StaffRole } from "../../src/generated/prisma/client.ts";
import type { QaActor } from "../../src/qa/qa.access.ts";
import type { TestDatabase } from "./db.ts";
import { TEST_ORIGIN } from "./app.ts";
import { TestClient } from "./http.ts";

/** The Q&A services' database handles for a test database. */
export const qaStore = (tdb: TestDatabase) => ({ sql: tdb.database.query, transaction: tdb.database.transaction });

let counter = 0;

/** A user straight in the database (services do not care how they signed in), optionally with a role. */
export async function createUser(
  db: Db,
  options: { organiser?: boolean; name?: string; role?: { sessionId: string; role: StaffRole; boothLanguage?: string } } = {},
): Promise<QaActor & { name: string }> {
  const name = options.name ?? `Participant ${++counter}`;
  const user = await db.user.create({
    data: {
      email: `qa-${randomUUID()}@example.org`,
      passwordHash: "not-used-by-these-tests",
      displayName: name,
      organisation: "Test Org",
      stakeholderGroup: "CIVIL_SOCIETY",
      isOrganiser: options.organiser ?? false,
    },
  });
  if (options.role) await db.sessionRole.create({ data: { userId: user.id, sessionId: options.role.sessionId, role: options.role.role, boothLanguage: options.role.boothLanguage ?? null } });
  return { userId: user.id, isOrganiser: user.isOrganiser, name };
}

/** A question in a given state, written directly (for state-machine tests that start mid-way). */
export async function createQuestion(
  db: Db,
  options: { sessionId: string; authorId: string; status: QuestionStatus; text?: string; anonymous?: boolean; highlighted?: boolean; mergedIntoId?: string },
) {
  const published = options.status !== "PENDING" && options.status !== "WITHDRAWN";
  return db.question.create({
    data: {
      sessionId: options.sessionId,
      authorId: options.authorId,
      clientId: randomUUID(),
      text: options.text ?? `Question ${++counter}?`,
      language: "en",
      status: options.status,
      anonymous: options.anonymous ?? false,
      highlighted: options.highlighted ?? false,
      mergedIntoId: options.mergedIntoId ?? null,
      publishedAt: published ? new Date() : null,
      seq: 0,
    },
  });
}

/** The session's current Q&A sequence number. */
export async function qaSeq(db: Db, sessionId: string): Promise<number> {
  return (await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { qaSeq: true } })).qaSeq;
}

export const newClientId = (): string => randomUUID();

/** Resolves with the first payload of `event` that satisfies `match` (others are skipped). */
export function eventWhere<T>(socket: { on(...args: any[]): unknown; off(...args: any[]): unknown }, event: string, match: (payload: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!match(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/**
 * A signed-in HTTP client for a user made straight in the database: many participants per test
 * without going through registration (and its per-address rate limit).
 */
export async function participant(baseUrl: string, db: Db, options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db, options);
  const client = new TestClient(baseUrl);
  client.cookie = `${SESSION_COOKIE}=${(await openLoginSession({ db, userId: user.userId })).token}`;
  return { client, user };
}

/**
 * Emits until the server acknowledges, as a client does across a dropped connection or a
 * restart: the same payload (same client id) each time, so retries are safe by design.
 */
export async function untilAcked<T>(socket: Socket, event: string, payload: unknown, attempts = 30): Promise<Ack<T>> {
  for (let attempt = 1; ; attempt++) {
    if (!socket.connected) await new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
    try {
      return await socket.timeout(3000).emitWithAck(event, payload);
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
  }
}

/** A connected browser-like socket that reconnects by itself (the follower resyncs on each connect). */
export function reconnectingSocket(baseUrl: string, cookie: string): Promise<Socket> {
  const socket = io(baseUrl, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: { Origin: TEST_ORIGIN, Cookie: cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Follows a session's Q&A like the client does, with a way to await a state that satisfies a test. */
export function follow(socket: Socket, sessionId: string) {
  const listeners = new Set<(state: QaState) => void>();
  const follower = followQa(socket, { sessionId, onState: (state) => listeners.forEach((l) => l(state)) });
  const until = (done: (state: QaState) => boolean) =>
    new Promise<QaState>((resolve) => {
      if (follower.state && done(follower.state)) return resolve(follower.state);
      const listener = (state: QaState) => {
        if (!done(state)) return;
        listeners.delete(listener);
        resolve(state);
      };
      listeners.add(listener);
    });
  return { follower, until };
}
