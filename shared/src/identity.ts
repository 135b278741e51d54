import { JOIN_ROLES, JOIN_VIEWS, type TJoinRole, type TJoinView } from "./room.ts";

/** Who a LiveKit identity stands for: a person, the role their token grants, and the view. */
export interface ParticipantIdentity {
  userId: string;
  role: TJoinRole;
  view: TJoinView;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const IDENTITY = new RegExp(`^(${UUID})(?::(${JOIN_ROLES.join("|")}):(${JOIN_VIEWS.join("|")}))?$`);

/**
 * The LiveKit identity of a signed-in person's connection: `<userId>:<role>:<view>`, except the
 * interpreter's booth console, which is the bare user id. Booth state names the on-air interpreter
 * by user id and listeners play only that identity (`playbackFor`), so an interpreter's other views
 * (the session page `?as=interpreter`) are never mistaken for their channel.
 */
export function participantIdentity(userId: string, role: TJoinRole, view: TJoinView): string {
  return role === "interpreter" && view === "booth" ? userId : `${userId}:${role}:${view}`;
}

/**
 * The person, role and view behind an identity issued by {@link participantIdentity}; undefined for
 * anything else (listen-link guests, test bots), so they are never taken for a signed-in person.
 */
export function parseIdentity(identity: string): ParticipantIdentity | undefined {
  const match = IDENTITY.exec(identity);
  if (!match) return undefined;
  const [, userId, role, view] = match;
  if (role === undefined) return { userId: userId!, role: "interpreter", view: "booth" };
  return { userId: userId!, role: role as TJoinRole, view: view as TJoinView };
}

/** The person behind an identity, or undefined when it is not a signed-in person's. */
export const userIdOfIdentity = (identity: string): string | undefined => parseIdentity(identity)?.userId;

/** Whether two identities are connections of the same signed-in person (two views of theirs). */
export const samePerson = (a: string, b: string): boolean => {
  const person = userIdOfIdentity(a);
  return person !== undefined && person === userIdOfIdentity(b);
};
