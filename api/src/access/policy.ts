import type { TJoinRole } from "@plenary/shared";
import { AppError } from "../errors.ts";
import type { SessionStatus, StaffRole } from "../generated/prisma/client.ts";

/**
 * The one answer to "who may do what in this session". Pure: every REST route, socket handler and
 * token grant asks it with the person's roles in the session, the session's status and whether
 * they are an organiser. Features add their actions to the table below; nothing else decides.
 */

const ALL: readonly SessionStatus[] = ["SCHEDULED", "LIVE", "ENDED"];
const OPEN: readonly SessionStatus[] = ["SCHEDULED", "LIVE"];
const LIVE: readonly SessionStatus[] = ["LIVE"];
/** From going live on: what was said in public stays readable after the end (the archive). */
const SINCE_LIVE: readonly SessionStatus[] = ["LIVE", "ENDED"];

/** Who a grant is for: a staff role held in the session, any staff role, an organiser, or any signed-in person. */
type Holder = StaffRole | "staff" | "organiser" | "anyone";

interface Grant {
  holder: Holder;
  /** The session statuses in which the grant applies. */
  when: readonly SessionStatus[];
}

interface Rule {
  grants: readonly Grant[];
  /** The refusal for someone who would hold a grant, were the session in another status. */
  closed: "SESSION_NOT_OPEN" | "FORBIDDEN";
  /** Safe to show to the person refused. */
  refusal: string;
}

const chair: readonly Grant[] = [
  { holder: "MODERATOR", when: ALL },
  { holder: "organiser", when: ALL },
];

/** Every action, with its rule and the reason for it. */
const RULES = {
  // Following the live channel is the same rule as attending in LiveKit, except that staff may
  // follow while the session is being prepared and organisers always may.
  "session.follow": {
    grants: [{ holder: "organiser", when: ALL }, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }],
    closed: "FORBIDDEN",
    refusal: "You cannot join this session.",
  },
  // Attendees enter only while live. Staff enter from scheduling on, to prepare; nobody after the end.
  "room.attend": { grants: [{ holder: "anyone", when: LIVE }], closed: "SESSION_NOT_OPEN", refusal: "This session is not open." },
  "room.speak": { grants: [{ holder: "SPEAKER", when: OPEN }], closed: "SESSION_NOT_OPEN", refusal: "You are not a speaker in this session." },
  "room.stage": { grants: [{ holder: "STAGE", when: OPEN }], closed: "SESSION_NOT_OPEN", refusal: "You are not a stage operator in this session." },
  "room.interpret": { grants: [{ holder: "INTERPRETER", when: OPEN }], closed: "SESSION_NOT_OPEN", refusal: "You are not an interpreter in this session." },
  // Organisers may chair any session: they stand in for an absent moderator.
  "room.chair": {
    grants: [{ holder: "MODERATOR", when: OPEN }, { holder: "organiser", when: OPEN }],
    closed: "SESSION_NOT_OPEN",
    refusal: "You are not a moderator in this session.",
  },
  // Q&A: members ask and vote while they may follow; the chair keeps access after the end to
  // answer, archive and export. Reading outlives the session: its public questions and the
  // moderators' answers stay readable as an archive (the read-only attendee view; nothing that
  // was not public becomes so). Before it goes live only staff read, as only they may follow.
  "qa.read": { grants: [...chair, { holder: "staff", when: ALL }, { holder: "anyone", when: SINCE_LIVE }], closed: "FORBIDDEN", refusal: "You are not a member of this session." },
  // The live stream of Q&A changes: only while the session runs (the chair keeps it to answer and
  // archive after the end). An ended session's questions are read as an archive, not followed.
  "qa.follow": { grants: [...chair, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }], closed: "FORBIDDEN", refusal: "You are not a member of this session." },
  "qa.ask": { grants: [...chair, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }], closed: "FORBIDDEN", refusal: "You are not a member of this session." },
  "qa.vote": { grants: [...chair, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }], closed: "FORBIDDEN", refusal: "You are not a member of this session." },
  "qa.moderate": { grants: chair, closed: "FORBIDDEN", refusal: "Only moderators of this session can do this." },
  // The venue screen: the chair, and the stage operator who runs the room's displays.
  "qa.present": { grants: [...chair, { holder: "STAGE", when: ALL }], closed: "FORBIDDEN", refusal: "Only moderators and the stage operator can open the venue screen." },
  // Interpretation: listening is following the session; a booth is controlled by its own
  // interpreters only (the booth language is checked by the service); the chair and the stage
  // operator set the floor language, see every booth, and receive slow-down signals.
  "interpretation.listen": {
    grants: [{ holder: "organiser", when: ALL }, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }],
    closed: "FORBIDDEN",
    refusal: "You cannot listen to this session.",
  },
  "interpretation.booth": { grants: [{ holder: "INTERPRETER", when: OPEN }], closed: "FORBIDDEN", refusal: "Only this booth's interpreters can do this." },
  "interpretation.floor-language": {
    grants: [{ holder: "MODERATOR", when: OPEN }, { holder: "organiser", when: OPEN }, { holder: "STAGE", when: OPEN }],
    closed: "FORBIDDEN",
    refusal: "Only the chair or the stage operator can set the floor language.",
  },
  "interpretation.watch-booths": {
    grants: [{ holder: "MODERATOR", when: OPEN }, { holder: "organiser", when: OPEN }, { holder: "STAGE", when: OPEN }, { holder: "INTERPRETER", when: OPEN }],
    closed: "FORBIDDEN",
    refusal: "Only the chair, the stage operator and interpreters see the booths.",
  },
  // Guest listen links (the QR code in the room): the chair hands them out and revokes them,
  // also after the end, to cut off a link that leaked.
  "listen.manage-links": { grants: chair, closed: "FORBIDDEN", refusal: "Only moderators of this session can manage listen links." },
  // Floor requests (the speakers' list). Everyone who may follow sees who holds the floor; anyone
  // in the live room may ask for it; the session's speakers, placed there by the organiser, may
  // take it themselves; only the chair gives, takes back, reorders or declines.
  "floor.follow": {
    grants: [{ holder: "organiser", when: ALL }, { holder: "staff", when: OPEN }, { holder: "anyone", when: LIVE }],
    closed: "FORBIDDEN",
    refusal: "You cannot follow this session.",
  },
  "floor.request": { grants: [{ holder: "anyone", when: LIVE }], closed: "SESSION_NOT_OPEN", refusal: "You cannot ask for the floor in this session." },
  "floor.take": { grants: [{ holder: "SPEAKER", when: LIVE }], closed: "SESSION_NOT_OPEN", refusal: "Only the session's speakers can take the floor without asking." },
  "floor.chair": {
    grants: [{ holder: "MODERATOR", when: OPEN }, { holder: "organiser", when: OPEN }],
    closed: "SESSION_NOT_OPEN",
    refusal: "Only moderators of this session can run the speakers' list.",
  },
} as const satisfies Record<string, Rule>;

/** Something a person may do in a session. */
export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** What the policy needs to know about a person in one session. */
export interface PolicyInput {
  roles: readonly StaffRole[];
  status: SessionStatus;
  isOrganiser: boolean;
}

export type Decision = { allowed: true } | { allowed: false; code: "FORBIDDEN" | "SESSION_NOT_OPEN"; message: string };

const holds = (input: PolicyInput, holder: Holder): boolean => {
  switch (holder) {
    case "anyone":
      return true;
    case "organiser":
      return input.isOrganiser;
    case "staff":
      return input.roles.length > 0;
    default:
      return input.roles.includes(holder);
  }
};

/** Decides one action, with the refusal to give when it is not allowed. */
export function decide(input: PolicyInput, action: Action): Decision {
  const rule: Rule = RULES[action];
  const held = rule.grants.filter((grant) => holds(input, grant.holder));
  if (held.some((grant) => grant.when.includes(input.status))) return { allowed: true };
  if (held.length > 0) {
    const message = input.status === "ENDED" ? "This session has ended." : rule.closed === "SESSION_NOT_OPEN" ? "This session is not live yet." : rule.refusal;
    return { allowed: false, code: rule.closed, message };
  }
  return { allowed: false, code: "FORBIDDEN", message: rule.refusal };
}

export const can = (input: PolicyInput, action: Action): boolean => decide(input, action).allowed;

/** Every action the person may take now. */
export const allowedActions = (input: PolicyInput): Set<Action> => new Set(ACTIONS.filter((action) => can(input, action)));

/** Throws the decision's AppError unless the action is allowed. */
export function authorize(input: PolicyInput, action: Action): void {
  const decision = decide(input, action);
  if (!decision.allowed) throw new AppError(decision.code, decision.message);
}

/** The action that entering a session's room in a given role needs. */
export const JOIN_ACTION: Record<TJoinRole, Action> = {
  attendee: "room.attend",
  speaker: "room.speak",
  stage: "room.stage",
  interpreter: "room.interpret",
  moderator: "room.chair",
};

/** Organiser-wide actions that belong to no one session: building the agenda and staffing it. */
export function authorizeOrganiser(isOrganiser: boolean): void {
  if (!isOrganiser) throw new AppError("FORBIDDEN", "Only organisers can do this.");
}
