import { z } from "zod";
import { ZText } from "./text.ts";
import { type TQaMode, ZQaMode, ZUuid } from "./sessions.types.ts";

/** Every state a question can be in. Attendees see PUBLISHED and ANSWERED; askers also see their own. */
export const QUESTION_STATUSES = ["PENDING", "PUBLISHED", "ANSWERED", "DISMISSED", "ARCHIVED", "WITHDRAWN"] as const;
export const ZQuestionStatus = z.enum(QUESTION_STATUSES);
export type TQuestionStatus = z.infer<typeof ZQuestionStatus>;

/** Statuses every member of the session may see. */
export const PUBLIC_QUESTION_STATUSES: readonly TQuestionStatus[] = ["PUBLISHED", "ANSWERED"];

export const QUESTION_MAX_CHARS = 500;
export const REPLY_MAX_CHARS = 1000;
export const DISMISS_REASON_MAX_CHARS = 300;

/** Characters as a reader counts them (code points), so an emoji or a CJK ideograph counts once. */
export const charCount = (text: string): number => [...text].length;

// C0 controls other than tab and newline, and DEL: PostgreSQL refuses NUL, and none belong in a question.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** Free text: trimmed, 1..max characters, no control characters. Stored as given otherwise; never interpreted as HTML. */
const text = (max: number) =>
  ZText.trim()
    .refine((s) => charCount(s) >= 1, "must not be empty")
    .refine((s) => charCount(s) <= max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL_CHARS.test(s), "must not contain control characters");

export const ZQuestionText = text(QUESTION_MAX_CHARS);
export const ZReplyText = text(REPLY_MAX_CHARS);

/** An ISO 639-1 code (any language, not only the six UN ones), or `und` when it could not be told. */
export const ZQuestionLanguage = z.string().regex(/^([a-z]{2}|und)$/, "must be an ISO 639-1 code or und");
export const UNDETERMINED_LANGUAGE = "und";

/** Client-generated id that makes a retried request idempotent (a UUID in practice). */
export const ZClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 URL-safe characters");

export const ZQaAskPayload = z.object({
  sessionId: ZUuid,
  clientId: ZClientId,
  text: ZQuestionText,
  anonymous: z.boolean().default(false),
  /** The asker's choice; when absent the server detects the language. */
  language: ZQuestionLanguage.optional(),
});
export type TQaAskPayload = z.input<typeof ZQaAskPayload>;

/** Sets the caller's vote to `up`; repeating it changes nothing, so retries are safe. */
export const ZQaVotePayload = z.object({ questionId: ZUuid, clientId: ZClientId, up: z.boolean() });
export type TQaVotePayload = z.infer<typeof ZQaVotePayload>;

/** The asker's own edit: the text while pending, or a language correction while pending or published. */
export const ZQaEditPayload = z
  .object({ questionId: ZUuid, text: ZQuestionText.optional(), language: ZQuestionLanguage.optional() })
  .refine((p) => p.text !== undefined || p.language !== undefined, { message: "text or language is required", path: ["text"] });
export type TQaEditPayload = z.infer<typeof ZQaEditPayload>;

export const ZQaQuestionRef = z.object({ questionId: ZUuid });
export type TQaQuestionRef = z.infer<typeof ZQaQuestionRef>;

/** Moderator queue actions. Each names one question; merge also names the question it merges into. */
export const QA_ACTIONS = ["approve", "dismiss", "restore", "highlight", "unhighlight", "answer", "archive", "reply", "merge"] as const;
export type TQaAction = (typeof QA_ACTIONS)[number];

/**
 * Which statuses each moderator action accepts; anything else is an illegal transition (409).
 * The server enforces it (api/src/qa/qa.transitions.ts); the console uses it to offer only what applies.
 */
export const QA_ACTION_FROM: Record<TQaAction, readonly TQuestionStatus[]> = {
  approve: ["PENDING"],
  dismiss: ["PENDING", "PUBLISHED"],
  restore: ["DISMISSED", "ARCHIVED", "ANSWERED"],
  highlight: ["PUBLISHED"],
  unhighlight: ["PUBLISHED", "ANSWERED"],
  answer: ["PUBLISHED"],
  archive: ["PUBLISHED", "ANSWERED", "DISMISSED"],
  reply: ["PUBLISHED", "ANSWERED"],
  merge: ["PENDING", "PUBLISHED"],
};

/** Statuses a merge target may have: something attendees can see and vote on. */
export const QA_MERGE_TARGET_FROM: readonly TQuestionStatus[] = ["PUBLISHED", "ANSWERED"];

export const ZQaModeratePayload = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), questionId: ZUuid }),
  z.object({ action: z.literal("dismiss"), questionId: ZUuid, reason: text(DISMISS_REASON_MAX_CHARS).optional() }),
  z.object({ action: z.literal("restore"), questionId: ZUuid }),
  z.object({ action: z.literal("highlight"), questionId: ZUuid }),
  z.object({ action: z.literal("unhighlight"), questionId: ZUuid }),
  z.object({ action: z.literal("answer"), questionId: ZUuid }),
  z.object({ action: z.literal("archive"), questionId: ZUuid }),
  z.object({ action: z.literal("reply"), questionId: ZUuid, text: ZReplyText }),
  z.object({ action: z.literal("merge"), questionId: ZUuid, intoId: ZUuid }),
]);
export type TQaModeratePayload = z.infer<typeof ZQaModeratePayload>;

export const ZQaSetModePayload = z.object({ sessionId: ZUuid, mode: ZQaMode });
export type TQaSetModePayload = z.infer<typeof ZQaSetModePayload>;

/** Subscribes to a session's Q&A; with `sinceSeq` only what changed after it comes back. */
export const ZQaSyncPayload = z.object({ sessionId: ZUuid, sinceSeq: z.number().int().min(0).max(2 ** 31 - 1).optional() });
export type TQaSyncPayload = z.infer<typeof ZQaSyncPayload>;

export const ZQaLeavePayload = z.object({ sessionId: ZUuid });

/**
 * A question as any member sees it. `authorName` is null for anonymous questions; dismissal
 * reasons never appear here. Askers get this view of their own questions in every status.
 */
export const ZQuestion = z.object({
  id: z.string(),
  sessionId: z.string(),
  /** The session's qaSeq at this question's last change; apply an update only if it is newer. */
  seq: z.number().int(),
  text: z.string(),
  language: z.string(),
  status: ZQuestionStatus,
  anonymous: z.boolean(),
  authorName: z.string().nullable(),
  highlighted: z.boolean(),
  voteCount: z.number().int(),
  reply: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

/** The moderator's view adds the organisation of named askers and the dismissal reason. */
export const ZModeratorQuestion = ZQuestion.extend({
  authorOrganisation: z.string().nullable(),
  dismissReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type TModeratorQuestion = z.infer<typeof ZModeratorQuestion>;

export const QA_VIEWS = ["attendee", "moderator", "presenter"] as const;
export type TQaView = (typeof QA_VIEWS)[number];

/**
 * A consistent picture of the session's Q&A at `seq`. After a full snapshot (`reset`) it replaces
 * what the client had; otherwise it is a delta: changed questions, and ids that left the caller's view.
 * Events with seq <= this seq are already included and must be ignored.
 */
export interface TQaSnapshot<Q extends TQuestion = TQuestion> {
  sessionId: string;
  seq: number;
  mode: TQaMode;
  view: TQaView;
  reset: boolean;
  questions: Q[];
  removed: string[];
  /** Ids of the caller's own questions among `questions` (empty for the presenter). */
  mine: string[];
  /** Every question of the session the caller has upvoted (always the full list). */
  myVotes: string[];
}

/** Broadcast payloads. Each carries the session's new seq; every audience gets every seq. */
export interface TQaQuestionAsked<Q extends TQuestion = TQuestion> {
  sessionId: string;
  seq: number;
  question: Q;
}
/** `questions` may be empty when the change is not visible to this audience: the seq still advances. */
export interface TQaQuestionsUpdated<Q extends TQuestion = TQuestion> {
  sessionId: string;
  seq: number;
  questions: Q[];
  /** Questions that left this audience's view (dismissed, archived, merged after being public). */
  removed: string[];
}
export interface TQaVotesChanged {
  sessionId: string;
  seq: number;
  counts: { id: string; voteCount: number }[];
}
export interface TQaModeChanged {
  sessionId: string;
  seq: number;
  mode: TQaMode;
}
/** Sent privately to the asker's own sockets; ordered by the question's seq, outside the session stream. */
export interface TQaMyQuestionUpdated {
  question: TQuestion;
}

export interface TQaAskResult {
  question: TQuestion;
  /** True when this was a retry of an ask that had already been stored. */
  duplicate: boolean;
}
export interface TQaVoteResult {
  questionId: string;
  clientId: string;
  up: boolean;
}
export interface TQaModerateResult {
  seq: number;
  questions: TModeratorQuestion[];
}

/** The Socket.IO namespace of the read-only venue screen. */
export const PRESENTER_NAMESPACE = "/presenter";

/** Handshake `auth` of a presenter socket: a moderator-issued token, or a session id for signed-in staff. */
export const ZPresenterAuth = z.union([
  z.object({ token: ZText.min(20).max(200) }),
  z.object({ sessionId: ZUuid }),
]);

export const ZPresenterLinkResponse = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export type TPresenterLinkResponse = z.infer<typeof ZPresenterLinkResponse>;
/** What withdrawing a session's presenter links did: how many links stopped working. */
export const ZPresenterLinksRevoked = z.object({ revoked: z.number().int().nonnegative() });
export type TPresenterLinksRevoked = z.infer<typeof ZPresenterLinksRevoked>;
export const ZPresenterVerifyRequest = z.object({ token: ZText.min(20).max(200) });
export const ZPresenterVerifyResponse = z.object({ sessionId: z.string(), title: z.string(), expiresAt: z.string() });
export type TPresenterVerifyResponse = z.infer<typeof ZPresenterVerifyResponse>;

export const QA_EXPORT_FORMATS = ["csv", "json"] as const;
export const ZQaExportFormat = z.enum(QA_EXPORT_FORMATS);
export const ZQaExportQuery = z.object({ format: ZQaExportFormat.default("csv") });

/** One row of the moderators' export. Anonymous askers are never named, here or anywhere. */
export const ZQaExportRow = ZQuestion.pick({
  id: true,
  text: true,
  language: true,
  status: true,
  anonymous: true,
  reply: true,
  mergedIntoId: true,
  createdAt: true,
  publishedAt: true,
  answeredAt: true,
  repliedAt: true,
}).extend({
  /** Counted from the Vote rows at export time. */
  votes: ZQuestion.shape.voteCount,
  /** The asker's name; null for anonymous questions. */
  author: ZQuestion.shape.authorName,
});
export type TQaExportRow = z.infer<typeof ZQaExportRow>;
