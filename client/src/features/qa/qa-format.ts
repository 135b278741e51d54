import {
  QA_ACTION_FROM,
  charCount,
  QUESTION_MAX_CHARS,
  type TErrorCode,
  type TQaAction,
  type TQuestion,
  type TQuestionStatus,
} from "@plenary/shared";
import type en from "../../i18n/locales/en.json";

/** An error from an ack, or NETWORK when no ack came back in time. */
export type QaErrorCode = TErrorCode | "NETWORK";

/** A client-generated id for an ask or a vote: kept across retries of the same draft so they are idempotent. */
export function newClientId(): string {
  // getRandomValues works on plain-http origins too, unlike crypto.randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** What is left of the 500-character budget, counted as readers count characters. */
export const charsLeft = (text: string): number => QUESTION_MAX_CHARS - charCount(text.trim());

/** Where a request was made, so the same code can be explained in the terms of that action. */
export type QaContext = "ask" | "vote" | "edit" | "moderate" | "sync";

type QaErrorMessage = keyof typeof en.qa.errors;

const SPECIFIC: Partial<Record<QaContext, Partial<Record<QaErrorCode, QaErrorMessage>>>> = {
  ask: { RATE_LIMITED: "askRateLimited", CONFLICT: "closed", BAD_REQUEST: "invalidText" },
  vote: { RATE_LIMITED: "voteRateLimited", CONFLICT: "notOpenForVotes", FORBIDDEN: "voteForbidden" },
  edit: { CONFLICT: "editConflict", BAD_REQUEST: "invalidText" },
  moderate: { CONFLICT: "moderateConflict", FORBIDDEN: "notModerator" },
  sync: { FORBIDDEN: "notMember", UNAUTHENTICATED: "signedOut" },
};

/** The translation key that explains an error code in the context of one action. */
export function qaErrorKey(code: QaErrorCode, context: QaContext): `qa.errors.${QaErrorMessage}` | `errors.${QaErrorCode}` {
  const specific = SPECIFIC[context]?.[code];
  return specific ? `qa.errors.${specific}` : `errors.${code}`;
}

/** What the asker sees as their question's status; merged duplicates say so rather than "archived". */
export type MyStatus = TQuestionStatus | "MERGED";
export const myStatus = (q: Pick<TQuestion, "status" | "mergedIntoId">): MyStatus => (q.mergedIntoId ? "MERGED" : q.status);

/** The moderator console's queue tabs, in the order a moderator works through them. */
export const CONSOLE_FILTERS = ["PENDING", "PUBLISHED", "ANSWERED", "ARCHIVED", "DISMISSED"] as const;
export type ConsoleFilter = (typeof CONSOLE_FILTERS)[number];

export function countByStatus(questions: TQuestion[]): Record<ConsoleFilter, number> {
  const counts = { PENDING: 0, PUBLISHED: 0, ANSWERED: 0, ARCHIVED: 0, DISMISSED: 0 };
  for (const q of questions) if (q.status in counts) counts[q.status as ConsoleFilter]++;
  return counts;
}

/** One tab's questions: the review queue oldest first, published by votes, the rest newest first. */
export function queueOf<Q extends TQuestion>(questions: Q[], filter: ConsoleFilter): Q[] {
  const list = questions.filter((q) => q.status === filter);
  if (filter === "PENDING") return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (filter === "PUBLISHED") return list.sort((a, b) => Number(b.highlighted) - Number(a.highlighted) || b.voteCount - a.voteCount || a.createdAt.localeCompare(b.createdAt));
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The one-click actions the console offers for a question (reply and merge have their own forms). */
export type QuickAction = Exclude<TQaAction, "reply" | "merge">;
const QUICK_ORDER: QuickAction[] = ["approve", "highlight", "unhighlight", "answer", "restore", "dismiss", "archive"];

export function quickActions(q: Pick<TQuestion, "status" | "highlighted" | "mergedIntoId">): QuickAction[] {
  return QUICK_ORDER.filter((action) => {
    if (!QA_ACTION_FROM[action].includes(q.status)) return false;
    if (action === "highlight") return !q.highlighted;
    if (action === "unhighlight") return q.highlighted;
    if (action === "restore") return !q.mergedIntoId;
    return true;
  });
}

/** Keyboard shortcuts of the console: A approve, D dismiss, H highlight (toggles), M mark answered. */
export const SHORTCUTS = { a: "approve", d: "dismiss", h: "highlight", m: "answer" } as const;

/** The action a key press asks for on a question, if that action applies to it now. */
export function shortcutAction(key: string, q: Pick<TQuestion, "status" | "highlighted" | "mergedIntoId">): QuickAction | undefined {
  const wanted = SHORTCUTS[key.toLowerCase() as keyof typeof SHORTCUTS];
  if (!wanted) return undefined;
  const action = wanted === "highlight" && q.highlighted ? "unhighlight" : wanted;
  return quickActions(q).includes(action) ? action : undefined;
}
