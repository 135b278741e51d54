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
    case "attendee":
      return { grants: base, attributes };
    case "speaker":
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
