import { randomBytes } from "node:crypto";
import type { TConnectionDetails } from "@plenary/shared";
import { authorize, type PolicyInput } from "../access/policy.ts";
import type { SessionStatus } from "../generated/prisma/client.ts";
import type { Limiter } from "../lib/rate-limit.ts";
import type { Livekit } from "../livekit/livekit.ts";
import { guestGrants } from "../tokens/grants.ts";
import { verifyListenToken, type ListenStore } from "./listen-links.ts";

/**
 * A guest holds no role in the session and is no organiser: the policy lets them listen exactly
 * when it lets any attendee, so a link never opens a session that is not live.
 */
export const guestPolicy = (status: SessionStatus): PolicyInput => ({ roles: [], status, isOrganiser: false });

/**
 * Guest tokens are short: LiveKit renews the token of a connected participant by itself, so this
 * only bounds how long a token copied out of the page stays usable to join.
 */
export const GUEST_TOKEN_TTL_SECONDS = 120;

/** LiveKit identities of a link's guests start with this, so a revoke can find and remove them. */
export const guestIdentityPrefix = (linkId: string): string => `guest-${linkId}-`;

/**
 * Exchanges a guest link's token for a listen-only LiveKit token. Each exchange gets its own
 * identity (two phones on one link are two participants); `perLink` bounds how fast one
 * link, perhaps leaked, can mint them.
 */
export async function issueGuestToken(deps: { store: ListenStore; livekit: Livekit; perLink: Limiter }, options: { token: string }): Promise<TConnectionDetails> {
  const { store, livekit } = deps;
  const link = await verifyListenToken(store.sql, options.token);
  await deps.perLink.consume(link.id);
  authorize(guestPolicy(link.status), "room.attend");
  const { grants, attributes } = guestGrants(link.sessionId);
  const identity = `${guestIdentityPrefix(link.id)}${randomBytes(6).toString("base64url")}`;
  await livekit.ensureRoom(grants.room);
  const { token, expiresAt } = await livekit.signToken({ identity, name: "Guest", grants, attributes, ttlSeconds: GUEST_TOKEN_TTL_SECONDS });
  return { serverUrl: livekit.serverUrl, roomName: grants.room, identity, token, expiresAt: expiresAt.toISOString(), grants };
}
