// Imported by the page's first script (main.tsx): no React, router, zod or shared contract here.

/** The session room's route pattern, as the router declares it. */
export const SESSION_ROOM_PATH = "sessions/:id";

// SESSION_ROOM_PATH as a regular expression: the room itself and nothing under it.
const SESSION_ROOM = /^\/sessions\/([^/]+)\/?$/;

/** A session room address: which session, and the raw `?as=` staff role asked for (null when none). */
export interface SessionRoomTarget {
  sessionId: string;
  as: string | null;
}

/**
 * The session room that `location` opens, or undefined for any other page. The page's first script
 * and the route loader both read the address with this, so a join started early is found again
 * under the same session id.
 */
export function sessionRoomOf(location: Pick<Location, "pathname" | "search">): SessionRoomTarget | undefined {
  const match = SESSION_ROOM.exec(location.pathname);
  if (!match) return undefined;
  try {
    return { sessionId: decodeURIComponent(match[1]!), as: new URLSearchParams(location.search).get("as") };
  } catch {
    return undefined; // a malformed address: the router shows its not-found page
  }
}
