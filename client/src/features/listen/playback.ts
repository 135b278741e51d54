/**
 * Which remote audio a listener plays, as a pure decision on participants' server-set attributes.
 * Shared by anything that plays one interpretation channel (the listen-only page, the session room).
 */

import { PARTICIPANT_ATTRIBUTES, samePerson } from "@plenary/shared";

const ROLE_ATTRIBUTE = PARTICIPANT_ATTRIBUTES.role;

/** Roles whose audio is the floor: what is spoken in the room. */
export const FLOOR_ROLES: readonly string[] = ["stage", "speaker", "moderator"];

/** What to do with one participant's audio. */
export type AudioRole = "floor" | "interpreter" | "ignore";

/**
 * The floor is whoever joined as stage, speaker or moderator. Among interpreters only the one the
 * server named as on air is ever played; partners, other booths and guests are never subscribed.
 */
export function audioRoleOf(participant: { identity: string; attributes: Readonly<Record<string, string>> }, onAir: string | null): AudioRole {
  const role = participant.attributes[ROLE_ATTRIBUTE];
  if (role && FLOOR_ROLES.includes(role)) return "floor";
  if (onAir !== null && role === "interpreter" && participant.identity === onAir) return "interpreter";
  return "ignore";
}

/**
 * Whether the floor should sound. With no interpreter chosen, always. With one, only until their
 * voice actually arrives: the floor bridges the switch, so there is never a gap of silence.
 */
export const floorAudible = (onAir: string | null, interpreterArrived: boolean): boolean => onAir === null || !interpreterArrived;

/**
 * The interpreter to play for the server's choice, as heard by `self`: nobody when it is the
 * listener themselves (an interpreter checking their channel on their phone hears the floor, not
 * their own voice coming back late).
 */
export const interpreterFor = (onAir: string | null, self: string | undefined): string | null => (onAir !== null && self && samePerson(onAir, self) ? null : onAir);
