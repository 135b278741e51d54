import { participantIdentity, TRACK_SOURCES, type TJoinRole, type TJoinView, type TLanguage, type TTrackSource } from "@plenary/shared";
import type { StaffRole } from "../generated/prisma/client.ts";
import { computeGrants } from "../tokens/grants.ts";

/**
 * The pure rules of the floor, tested as tables: what a person given the floor may publish, what
 * is restored when it is taken back, which language the floor is in, and the list's order.
 */

/** What holding the floor lets someone publish. */
export interface FloorSources {
  camera: boolean;
  screenShare: boolean;
}

/**
 * A session speaker (placed there by the organiser, or the chair) presents: camera, microphone and
 * slides. An attendee speaks from the room: the microphone, and the camera if the chair allows it.
 */
export function floorSourcesFor(roles: readonly StaffRole[], isOrganiser: boolean, allowCamera: boolean): FloorSources {
  const presents = isOrganiser || roles.includes("SPEAKER") || roles.includes("MODERATOR");
  return presents ? { camera: true, screenShare: true } : { camera: allowCamera, screenShare: false };
}

export function trackSources(sources: FloorSources): TTrackSource[] {
  return [
    TRACK_SOURCES.microphone,
    ...(sources.camera ? [TRACK_SOURCES.camera] : []),
    ...(sources.screenShare ? [TRACK_SOURCES.screenShare, TRACK_SOURCES.screenShareAudio] : []),
  ];
}

const JOIN_ROLES: readonly string[] = ["attendee", "speaker", "stage", "interpreter", "moderator"] satisfies TJoinRole[];

/**
 * What a participant may publish once the floor is taken back: exactly what the role they joined
 * as grants (nothing for an attendee or a speaker), read from the attribute their token carries.
 */
export function sourcesAfterFloor(joinedAs: string | undefined): TTrackSource[] {
  const role = (JOIN_ROLES.includes(joinedAs ?? "") ? joinedAs : "attendee") as TJoinRole;
  // An interpreter's grant needs a booth; their microphone is their channel, never the floor.
  if (role === "interpreter") return [TRACK_SOURCES.microphone];
  return computeGrants({ role, sessionId: "00000000-0000-0000-0000-000000000000" }).grants.canPublishSources;
}

/**
 * The views from which a person may hold the floor, the one that holds it first: a session speaker's
 * speaker view (where they present), the session page they opened as a speaker, the session page as
 * an attendee (where a delegate asks for the floor), and the chair's session page. The first of them
 * that is connected holds the floor; the booth console never does (its microphone is a channel), nor
 * the stage (it publishes the floor anyway) or the listen page (audio only).
 */
const FLOOR_VIEWS: readonly (readonly [TJoinRole, TJoinView])[] = [
  ["speaker", "speak"],
  ["speaker", "session"],
  ["attendee", "session"],
  ["moderator", "session"],
];

/** The LiveKit identities of a person's floor views, in the order in which they hold the floor. */
export const floorIdentities = (userId: string): string[] => FLOOR_VIEWS.map(([role, view]) => participantIdentity(userId, role, view));

/** A connected view of a floor holder, as LiveKit reports it. */
export interface FloorView {
  identity: string;
  canPublish: boolean;
  /** The role attribute of its token. */
  role: string | undefined;
  /** A microphone of this view is open at the SFU. */
  openMicrophone: boolean;
}

/** Whether a view publishes only because it was given the floor (its role alone lets it publish nothing). */
const publishesByFloor = (view: FloorView): boolean => view.canPublish && sourcesAfterFloor(view.role).length === 0;

/**
 * Whether LiveKit must be told the grant again, given the holder's connected views in floor order:
 * the view that holds the floor cannot publish (it rejoined with a fresh token), or another view
 * still publishes by the floor (the person moved from the session page to the speaker view), which
 * would make them heard twice.
 */
export function floorNeedsReapply(views: readonly FloorView[]): boolean {
  const [holder, ...others] = views;
  return holder !== undefined && (!holder.canPublish || others.some(publishesByFloor));
}

/**
 * Whether the chair's mute must be applied again: a microphone published after the mute (the mute
 * acts on the tracks the SFU has at that moment) or unmuted by a client that does not cooperate.
 */
export const floorNeedsMute = (muted: boolean, views: readonly FloorView[]): boolean => muted && views.some((v) => v.openMicrophone);

/**
 * The floor language after a change: the language of the most recent speaker still holding the
 * floor, or, once nobody does, what it was before the first of them took it.
 */
export function floorLanguageAfter(holdersByGrant: readonly { language: TLanguage }[], before: TLanguage | null): TLanguage | null {
  return holdersByGrant.length > 0 ? holdersByGrant[holdersByGrant.length - 1]!.language : before;
}

/** The list with one request moved to `index` (clamped), the others keeping their order. */
export function moveTo<T>(ids: readonly T[], id: T, index: number): T[] {
  const rest = ids.filter((x) => x !== id);
  if (rest.length === ids.length) return [...ids];
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
