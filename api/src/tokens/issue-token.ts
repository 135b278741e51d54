import { HOME_VIEW, participantIdentity, type TConnectionDetails, type TJoinRole, type TJoinView } from "@plenary/shared";
import { AppError } from "../errors.ts";
import type { AuthUser } from "../http/request-context.ts";
import type { Livekit } from "../livekit/livekit.ts";
import type { AccessCache } from "./access-cache.ts";
import { authorize, JOIN_ACTION } from "../access/policy.ts";
import { computeGrants } from "./grants.ts";

/**
 * Issues a short-lived LiveKit token for the user to enter a session's room in one role, from one
 * view: each view has its own identity, so a second page of the same person does not push the
 * first out of the room (the identity is computed, not looked up: no extra round trip).
 */
export async function issueToken(
  deps: { access: AccessCache; livekit: Livekit },
  options: { user: AuthUser; sessionId: string; role: TJoinRole; view?: TJoinView },
): Promise<TConnectionDetails> {
  const { access, livekit } = deps;
  const session = await access.lookup(options.sessionId, options.user.id);
  if (!session) throw new AppError("NOT_FOUND", "Session not found.");
  authorize({ roles: session.held.map((h) => h.role), status: session.status, isOrganiser: options.user.isOrganiser }, JOIN_ACTION[options.role]);
  const boothLanguage = options.role === "interpreter" ? (session.held.find((h) => h.role === "INTERPRETER")?.boothLanguage ?? null) : null;
  const { grants, attributes } = computeGrants({ role: options.role, sessionId: options.sessionId, boothLanguage });
  await livekit.ensureRoom(grants.room);
  const identity = participantIdentity(options.user.id, options.role, options.view ?? HOME_VIEW[options.role]);
  const { token, expiresAt } = await livekit.signToken({ identity, name: options.user.displayName, grants, attributes });
  return { serverUrl: livekit.serverUrl, roomName: grants.room, identity, token, expiresAt: expiresAt.toISOString(), grants };
}
