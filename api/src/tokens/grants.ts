import { PARTICIPANT_ATTRIBUTES, roomNameFor, TRACK_SOURCES as SOURCES, type TGrants, type TJoinRole } from "@plenary/shared";

export interface GrantInput {
  role: TJoinRole;
  sessionId: string;
  boothLanguage?: string | null;
}

export interface GrantResult {
  grants: TGrants;
  attributes: Record<string, string>;
}

/**
 * The least-privilege LiveKit grants for a role in a session. Pure, so it is tested as a table.
 * Nobody may update their own metadata or attributes: attributes such as the booth language
 * are facts the server asserts, not claims a client makes.
 */
export function computeGrants({ role, sessionId, boothLanguage }: GrantInput): GrantResult {
  const base: TGrants = {
    roomJoin: true,
    room: roomNameFor(sessionId),
    roomAdmin: false,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    canPublishSources: [],
    canUpdateOwnMetadata: false,
  };
  const attributes: Record<string, string> = { [PARTICIPANT_ATTRIBUTES.role]: role };
  switch (role) {
    // Attendees and speakers publish only while they hold the floor: the chair's grant adds the
    // sources to their live connection (floor/), and taking the floor back removes them.
    case "attendee":
    case "speaker":
      return { grants: base, attributes };
    case "stage":
      return {
        grants: { ...base, canPublish: true, canPublishSources: [SOURCES.camera, SOURCES.microphone, SOURCES.screenShare, SOURCES.screenShareAudio] },
        attributes,
      };
    case "interpreter":
      if (!boothLanguage) throw new Error("an interpreter grant needs a booth language");
      return {
        grants: { ...base, canPublish: true, canPublishSources: [SOURCES.microphone] },
        attributes: { ...attributes, [PARTICIPANT_ATTRIBUTES.booth]: boothLanguage },
      };
    case "moderator":
      // Room admin, plus camera and microphone because the chair speaks from the room (opening the
      // session, giving the floor); no screen share, which is the speakers' and the stage's.
      return {
        grants: { ...base, roomAdmin: true, canPublish: true, canPublishData: true, canPublishSources: [SOURCES.camera, SOURCES.microphone] },
        attributes,
      };
  }
}

/** The role attribute of a guest who listens through a listen link. */
export const GUEST_ROLE = "guest";

/**
 * A guest of the listen-only page: they may subscribe and nothing else (no publishing, no data
 * messages, no metadata), so a leaked link can only ever let someone hear the session.
 */
export function guestGrants(sessionId: string): GrantResult {
  // Written out rather than derived from the attendee's: widening what attendees may do must not
  // widen what an anonymous link holder may do.
  return {
    grants: {
      roomJoin: true,
      room: roomNameFor(sessionId),
      roomAdmin: false,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canPublishSources: [],
      canUpdateOwnMetadata: false,
    },
    attributes: { [PARTICIPANT_ATTRIBUTES.role]: GUEST_ROLE },
  };
}
