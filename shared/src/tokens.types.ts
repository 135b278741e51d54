import { z } from "zod";
import { JOIN_ROLES, JOIN_VIEWS, TRACK_SOURCES } from "./room.ts";

export type { TJoinRole, TJoinView } from "./room.ts";

/** The role a user asks to join a session's room as ({@link JOIN_ROLES}). */
export const ZJoinRole = z.enum(JOIN_ROLES);
/** The page a connection comes from ({@link JOIN_VIEWS}). */
export const ZJoinView = z.enum(JOIN_VIEWS);

/** A token request; without a view, the token is for the role's own page (HOME_VIEW in room.ts). */
export const ZTokenRequest = z.object({ role: ZJoinRole.default("attendee"), view: ZJoinView.optional() });

/** A track source as tokens name it ({@link TRACK_SOURCES}). */
export const ZTrackSource = z.enum(TRACK_SOURCES);

export const ZGrants = z.object({
  roomJoin: z.boolean(),
  room: z.string(),
  roomAdmin: z.boolean(),
  canSubscribe: z.boolean(),
  canPublish: z.boolean(),
  canPublishData: z.boolean(),
  canPublishSources: z.array(ZTrackSource),
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
