import type { Logger } from "pino";
import { mayStay, roomsToLeave, sessionRooms, type RoomHolder } from "../access/socket-rooms.ts";
import type { Db } from "../db/client.ts";
import { guestPolicy } from "../listen/guest-token.ts";
import { qaPublicRoom, type PresenterNamespace } from "../qa/qa.broadcast.ts";
import { disconnectEverywhere, leaveEverywhere } from "./everywhere.ts";
import { userRoom } from "./login-rooms.ts";
import type { ListenNamespace, PlenaryServer } from "./types.ts";

/** Applies organiser decisions to sockets already open, on every api process. */
export interface SocketEnforcement {
  /** Someone's roles in a session changed: their sockets leave the rooms the roles no longer allow. */
  staffChanged(sessionId: string, userId: string): Promise<void>;
  /** A session changed (it ended, say): every socket leaves the rooms its holder may no longer be in. */
  sessionChanged(sessionId: string): Promise<void>;
}

interface Who {
  userId: string;
  isOrganiser: boolean;
}

/**
 * Handlers ask the policy when a socket joins a room, but a socket stays in it until it leaves, so
 * a decision taken afterwards would not reach the broadcasts it goes on receiving. This recomputes
 * membership with the same rules (access/socket-rooms.ts) through the Redis adapter, whose
 * `fetchSockets` and `socketsLeave` reach sockets on every process. Like the LiveKit side, it runs
 * after the database change has been made, so a failure is logged rather than returned.
 */
export function createSocketEnforcement(deps: { db: Db; io: PlenaryServer; presenters: PresenterNamespace; guests: ListenNamespace; logger: Logger }): SocketEnforcement {
  const { db, io, presenters, guests, logger } = deps;

  async function load(sessionId: string, userId?: string) {
    const [session, roles] = await Promise.all([
      db.session.findUnique({ where: { id: sessionId }, select: { status: true, languages: true } }),
      db.sessionRole.findMany({ where: { sessionId, ...(userId ? { userId } : {}) }, select: { userId: true, role: true, boothLanguage: true } }),
    ]);
    if (!session) return undefined;
    const holder = (who: Who): RoomHolder => {
      const held = roles.filter((r) => r.userId === who.userId);
      return { roles: held.map((r) => r.role), status: session.status, isOrganiser: who.isOrganiser, boothLanguage: held.find((r) => r.boothLanguage)?.boothLanguage ?? null };
    };
    return { ...session, holder };
  }

  type Context = NonNullable<Awaited<ReturnType<typeof load>>>;
  type Member = Awaited<ReturnType<PlenaryServer["fetchSockets"]>>[number];
  type Screen = Awaited<ReturnType<PresenterNamespace["fetchSockets"]>>[number];

  function enforce(sessionId: string, context: Context, members: Member[], screens: Screen[]): void {
    for (const socket of members) {
      const leave = roomsToLeave("members", sessionId, context.holder(socket.data), socket.rooms);
      if (leave.length > 0) leaveEverywhere(io, socket.id, leave);
    }
    // A venue screen serves one session's public stream and nothing else: one that may no longer
    // present is closed, and the screen shows it is offline (a link's screen has no role to lose).
    const closing = screens.filter(({ data }) => data.sessionId === sessionId && data.actor && mayStay("presenters", sessionId, context.holder(data.actor), qaPublicRoom(sessionId)) === false);
    if (closing.length > 0) disconnectEverywhere(presenters, closing.map((s) => s.id));
  }

  const logged = (action: string, sessionId: string, work: () => Promise<void>) =>
    work().catch((err: unknown) => logger.warn({ err, action, sessionId }, "open sockets not brought in line with a decision"));

  return {
    staffChanged: (sessionId, userId) =>
      logged("staff-changed", sessionId, async () => {
        const context = await load(sessionId, userId);
        if (!context) return;
        const [members, screens] = await Promise.all([io.in(userRoom(userId)).fetchSockets(), presenters.in(userRoom(userId)).fetchSockets()]);
        enforce(sessionId, context, members, screens);
      }),

    sessionChanged: (sessionId) =>
      logged("session-changed", sessionId, async () => {
        const context = await load(sessionId);
        if (!context) return;
        // The policy only ever adds grants for roles and organisers, so where a role-less attendee
        // may stay, everyone may: only the other rooms need a look at who is in them. A guest is
        // such an attendee too, so guests need no look at all.
        const attendee = { ...guestPolicy(context.status), boothLanguage: null };
        const restricted = sessionRooms("members", sessionId, context.languages).filter((room) => !mayStay("members", sessionId, attendee, room));
        const [members, screens] = await Promise.all([restricted.length > 0 ? io.in(restricted).fetchSockets() : [], presenters.in(qaPublicRoom(sessionId)).fetchSockets()]);
        enforce(sessionId, context, members, screens);
        for (const room of sessionRooms("guests", sessionId)) if (!mayStay("guests", sessionId, attendee, room)) leaveEverywhere(guests, room, room);
      }),
  };
}
