// Imported by the floor player, which loads with the LiveKit client before the app bundle: the
// zod-free parts of the contract only (see shared/src/room.ts).
import { userIdOfIdentity } from "@plenary/shared/identity";
import { PARTICIPANT_ATTRIBUTES } from "@plenary/shared/room";
import { Track } from "livekit-client";

const ROLE_ATTRIBUTE = PARTICIPANT_ATTRIBUTES.role;

/** The little a floor decision needs to know about a track; livekit TrackReferences satisfy it. */
export interface FloorTrackLike {
  participant: { identity: string; attributes: Readonly<Record<string, string>> };
  source: Track.Source;
}

/** Stable key of a track reference, for remembering the focus between renders. */
export const trackKey = (t: FloorTrackLike): string => `${t.participant.identity}:${t.source}`;

/**
 * Whether a participant's media is the floor. Interpreters publish their language channel, which
 * listeners choose separately, so it must never be mixed into the floor.
 */
export const isFloorParticipant = (p: FloorTrackLike["participant"]): boolean => p.attributes[ROLE_ATTRIBUTE] !== "interpreter";

const roleOf = (t: FloorTrackLike) => t.participant.attributes[ROLE_ATTRIBUTE];

/**
 * Whether a remote participant is another view of the local person speaking (their speaker view
 * heard from their session page, say): each view is its own participant, and playing one's own
 * voice back would echo into the microphone. The stage's desk feed is the room, not their voice.
 */
export const isOwnVoice = (localIdentity: string, p: FloorTrackLike["participant"]): boolean => {
  const me = userIdOfIdentity(localIdentity);
  return me !== undefined && userIdOfIdentity(p.identity) === me && p.attributes[ROLE_ATTRIBUTE] !== "stage";
};

/**
 * Chooses the video to show large (speaker focus): a screen share wins (slides must be legible),
 * then the camera of whoever is speaking now, then the previous focus (no flicker in pauses),
 * then the stage camera, then anything.
 */
export function pickFocus<T extends FloorTrackLike>(tracks: readonly T[], speakingIdentities: readonly string[], previousKey?: string): T | undefined {
  const screenShares = tracks.filter((t) => t.source === Track.Source.ScreenShare);
  if (screenShares.length > 0) {
    return screenShares.find((t) => speakingIdentities.includes(t.participant.identity)) ?? screenShares[0];
  }
  const cameras = tracks.filter((t) => t.source === Track.Source.Camera);
  for (const identity of speakingIdentities) {
    const camera = cameras.find((t) => t.participant.identity === identity);
    if (camera) return camera;
  }
  return cameras.find((t) => trackKey(t) === previousKey) ?? cameras.find((t) => roleOf(t) === "stage") ?? cameras[0];
}

/** The floor audio track to meter: the stage's desk feed when present, else the first floor microphone. */
export function pickFloorAudio<T extends FloorTrackLike>(tracks: readonly T[]): T | undefined {
  const mics = tracks.filter((t) => t.source === Track.Source.Microphone && isFloorParticipant(t.participant));
  return mics.find((t) => roleOf(t) === "stage") ?? mics[0];
}
