import { prepareJoin } from "./preconnect.ts";

// Matches the session room route ("sessions/:id" in routes.tsx) and nothing under it.
const SESSION_ROOM = /^\/sessions\/([^/]+)\/?$/;

/** The session id when `location` is a session room opened as an attendee (no `?as=`), else undefined. */
export function attendeeRoomOf(location: Pick<Location, "pathname" | "search">): string | undefined {
  const match = SESSION_ROOM.exec(location.pathname);
  if (!match || new URLSearchParams(location.search).has("as")) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined; // a malformed address: the router shows its not-found page
  }
}

/**
 * Run by the page's first script, before the app bundle (React, router, zod, i18n: about a third
 * of a second of script) has loaded: when the page is a session room opened as an attendee, the
 * token, the LiveKit client and the room connection start now instead of after it. Staff views
 * (`?as=`) are left to the route loader, which validates the role. Returns, for a room page, a
 * promise settled once the LiveKit client has loaded (never rejected).
 */
export function joinEarly(location: Pick<Location, "pathname" | "search">): Promise<unknown> | undefined {
  const sessionId = attendeeRoomOf(location);
  if (sessionId === undefined) return undefined;
  prepareJoin(sessionId, "attendee");
  return import("livekit-client").catch(() => undefined);
}
