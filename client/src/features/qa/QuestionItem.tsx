import type { TQuestion } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { LanguageTag, QuestionText } from "./QuestionText.tsx";

/** Props for {@link QuestionItem}. */
export interface QuestionItemProps {
  question: TQuestion;
  mine: boolean;
  voted: boolean;
  voting: boolean;
  /** The session has ended: the vote shows its count but no longer toggles. */
  closed: boolean;
  onVote(up: boolean): void;
}

/** One public question: text, asker, language, answer state, the moderators' reply and the vote toggle. */
export function QuestionItem({ question: q, mine, voted, voting, closed, onVote }: QuestionItemProps) {
  const { t } = useTranslation();
  return (
    <li className={`qa-question${q.highlighted ? " qa-question--on-screen" : ""}`} data-testid="qa-question" data-question-id={q.id}>
      <div className="qa-question__body">
        <QuestionText question={q} />
        <p className="qa-question__meta">
          <bdi>{q.authorName ?? t("qa.anonymous")}</bdi>
          <LanguageTag language={q.language} />
          {q.status === "ANSWERED" && <span className="qa-tag qa-tag--answered">{t("qa.answered")}</span>}
          {q.highlighted && <span className="qa-tag qa-tag--screen">{t("qa.onScreen")}</span>}
          {mine && <span className="qa-tag">{t("qa.ownQuestion")}</span>}
        </p>
        {q.reply && (
          <div className="qa-question__reply">
            <p className="qa-question__reply-label">{t("qa.reply")}</p>
            <p dir="auto">{q.reply}</p>
          </div>
        )}
      </div>
      <button
        type="button"
        className={`qa-vote${voted ? " qa-vote--on" : ""}`}
        aria-pressed={voted}
        disabled={closed || mine || (!voted && q.status !== "PUBLISHED")}
        // While the vote is on its way the button keeps the focus (a disabled one would drop it to the page).
        aria-disabled={voting || undefined}
        title={mine ? t("qa.ownQuestion") : undefined}
        onClick={() => {
          if (!voting) onVote(!voted);
        }}
        data-testid="qa-vote"
      >
        <span aria-hidden="true" className="qa-vote__arrow">
          ▲
        </span>
        <span className="qa-vote__count" data-testid="qa-vote-count">
          {q.voteCount}
        </span>
        {/* The name begins with what is seen (the count), then says what the button does (WCAG 2.5.3). */}
        <span className="visually-hidden"> {t(voted ? "qa.unvoteLabel" : "qa.voteLabel", { count: q.voteCount })}</span>
      </button>
    </li>
  );
}
