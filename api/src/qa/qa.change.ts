import type { TQaMode } from "@plenary/shared";
import type { QuestionRow } from "./qa.repository.ts";

/**
 * What a committed Q&A change was, as services report it. The socket layer turns it into one
 * broadcast per audience; every change carries the session's new seq.
 */
export type QaChange =
  | { kind: "asked"; sessionId: string; seq: number; question: QuestionRow }
  | { kind: "updated"; sessionId: string; seq: number; questions: QuestionRow[] }
  | { kind: "votes"; sessionId: string; seq: number; counts: VoteCount[] }
  | { kind: "mode"; sessionId: string; seq: number; mode: TQaMode };

export interface VoteCount {
  id: string;
  voteCount: number;
  /** Lets the broadcaster leave counts of questions attendees cannot see out of their copy. */
  status: QuestionRow["status"];
}

/** What a moderator action changed, as moderate-question.ts and merge-questions.ts both report it. */
export interface ModerateResult {
  seq: number;
  /** Every question the action changed: two for a merge, or when a highlight moves between questions. */
  questions: QuestionRow[];
  change: QaChange;
}
