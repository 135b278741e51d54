import { z } from "zod";

/** The role a user asks to join a session's room as. */
export const JOIN_ROLES = ["attendee", "moderator", "speaker", "interpreter", "stage"] as const;
export const ZJoinRole = z.enum(JOIN_ROLES);
export type TJoinRole = z.infer<typeof ZJoinRole>;

export const ZTokenRequest = z.object({ role: ZJoinRole.default("attendee") });
export type TTokenRequest = z.infer<typeof ZTokenRequest>;

export const ZGrants = z.object({
  roomJoin: z.boolean(),
  room: z.string(),
  roomAdmin: z.boolean(),
  canSubscribe: z.boolean(),
  canPublish: z.boolean(),
  canPublishData: z.boolean(),
  canPublishSources: z.array(z.string()),
  canUpdateOwnMetadata: z.boolean(),
});
export type TGrants = z.infer<typeof ZGrants>;

/** What a client needs to connect to a session's LiveKit room. */
export const ZConnectionDetails = z.object({
  serverUrl: z.string(),
  roomName: z.string(),
  identity: z.string(),
  token: z.string(),
  expiresAt: z.string(),
  grants: ZGrants,
});
export type TConnectionDetails = z.infer<typeof ZConnectionDetails>;
