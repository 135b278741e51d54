import { z } from "zod";
import { ZText } from "./text.ts";
import type {
  InterpretationClientToServerEvents,
  InterpretationServerToClientEvents,
} from "./interpretation.types.ts";

/**
 * The listen-only page and its guest links. A guest link names one session; its token travels in
 * the URL fragment (`/listen/<sessionId>#k=<token>`), which browsers never send to a server or in
 * a Referer, and the api stores only its SHA-256.
 */

/** The Socket.IO namespace of guest listeners: it can only sync and select a channel. */
export const LISTEN_NAMESPACE = "/listen";

/** The fragment key that carries a guest token on the listen page. */
export const LISTEN_TOKEN_KEY = "k";

/** Where the listen page of a session lives, with or without a guest token. */
export const listenPath = (sessionId: string, token?: string): string =>
  `/listen/${sessionId}${token ? `#${LISTEN_TOKEN_KEY}=${token}` : ""}`;

const ZGuestToken = ZText.min(20).max(200);

/** Handshake `auth` of a guest socket. */
export const ZListenAuth = z.object({ token: ZGuestToken });
export type TListenAuth = z.infer<typeof ZListenAuth>;

/** Creating a link: how long it lives, at most a day (default: until a few hours after the session). */
export const ZCreateListenLinkRequest = z.object({ validForHours: z.number().int().min(1).max(24).optional() });
export type TCreateListenLinkRequest = z.infer<typeof ZCreateListenLinkRequest>;

export const ZListenLink = z.object({
  id: z.string(),
  sessionId: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type TListenLink = z.infer<typeof ZListenLink>;

/** A new link: the token is shown once, here, and never stored. */
export const ZListenLinkCreated = ZListenLink.extend({ token: z.string(), path: z.string() });
export type TListenLinkCreated = z.infer<typeof ZListenLinkCreated>;

export const ZListenLinkList = z.object({ links: z.array(ZListenLink) });
export type TListenLinkList = z.infer<typeof ZListenLinkList>;

/** A guest exchanges the link token for a listen-only LiveKit token. */
export const ZGuestTokenRequest = z.object({ token: ZGuestToken });
export type TGuestTokenRequest = z.infer<typeof ZGuestTokenRequest>;

/** The guest namespace's events: a subset of the interpretation contract, with the same payloads. */
export type ListenClientToServerEvents = Pick<InterpretationClientToServerEvents, "interpretation:sync" | "interpretation:select">;
export type ListenServerToClientEvents = Pick<InterpretationServerToClientEvents, "interpretation:state-changed">;

/** What the api keeps on a guest socket: its link, the one session it may follow, its channel. */
export interface ListenSocketData {
  linkId: string;
  sessionId: string;
  /** The channel this guest listens to, per session (counted for the booths like any listener). */
  listening?: Record<string, string>;
}
