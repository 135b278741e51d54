import { hashToken } from "../lib/crypto.ts";

/**
 * A room per login, in every namespace a login cookie opens, so that logging out can close that
 * login's sockets on every api process. The cookie's hash, never the cookie: room names travel
 * through Redis.
 */
export const loginRoom = (token: string): string => `login:${hashToken(token)}`;

/** Each signed-in user's own sockets: news about their own questions, and decisions about their roles. */
export const userRoom = (userId: string): string => `user:${userId}`;
