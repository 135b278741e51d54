import { QA_ACTION_FROM, QA_MERGE_TARGET_FROM, type TModeratorQuestion, type TQaModeratePayload } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { quickActions, SHORTCUTS } from "./qa-format.ts";
import { LanguageTag, QuestionText } from "./QuestionText.tsx";

/** Props for {@link ConsoleQuestion}. */
export interface ConsoleQuestionProps {
  question: TModeratorQuestion;
  /** Other questions it could be merged into. */
  others: TModeratorQuestion[];
  selected: boolean;
  busy: boolean;
  onSelect(): void;
  onAction(payload: TQaModeratePayload): void;
}

const KEY_OF: Partial<Record<string, string>> = Object.fromEntries(Object.entries(SHORTCUTS).map(([key, action]) => [action, key.toUpperCase()]));

/** One question in the moderator's queue, with the actions its status allows. */
export function ConsoleQuestion({ question: q, others, selected, busy, onSelect, onAction }: ConsoleQuestionProps) {
  const { t } = useTranslation();
  const [reply, setReply] = useState(q.reply ?? "");
  const [reason, setReason] = useState("");
  const [into, setInto] = useState("");
  const targets = others.filter((o) => o.id !== q.id && QA_MERGE_TARGET_FROM.includes(o.status));
  const canReply = QA_ACTION_FROM.reply.includes(q.status);
  const canMerge = QA_ACTION_FROM.merge.includes(q.status) && targets.length > 0;
  const canDismiss = QA_ACTION_FROM.dismiss.includes(q.status);

  return (
    <li
      className={`qa-console-item${selected ? " qa-console-item--selected" : ""}${q.highlighted ? " qa-question--on-screen" : ""}`}
      aria-current={selected || undefined}
      onClick={onSelect}
      data-testid="qa-console-item"
      data-question-id={q.id}
    >
      <QuestionText question={q} />
      <p className="qa-question__meta">
        <bdi>
          {q.anonymous
            ? t("qa.console.anonymous")
            : q.authorOrganisation
              ? t("qa.console.authorWithOrg", { name: q.authorName, organisation: q.authorOrganisation })
              : t("qa.console.author", { name: q.authorName })}
        </bdi>
        <LanguageTag language={q.language} />
        <span className="qa-tag">{t("qa.console.votes", { count: q.voteCount })}</span>
        {q.highlighted && <span className="qa-tag qa-tag--screen">{t("qa.console.onScreen")}</span>}
      </p>
      {q.dismissReason && <p className="field__hint">{t("qa.console.dismissReason", { reason: q.dismissReason })}</p>}
      {q.reply && (
        <div className="qa-question__reply">
          <p className="qa-question__reply-label">{t("qa.reply")}</p>
          <p dir="auto">{q.reply}</p>
        </div>
      )}
      <div className="qa-console-item__actions">
        {quickActions(q).map((action) => (
          <button
            key={action}
            type="button"
            className={`button button--small ${action === "approve" || action === "highlight" ? "button--primary" : "button--secondary"}`}
            disabled={busy}
            aria-keyshortcuts={KEY_OF[action === "unhighlight" ? "highlight" : action]}
            onClick={(e) => (e.stopPropagation(), onAction({ action, questionId: q.id }))}
            data-action={action}
          >
            {t(`qa.console.actions.${action}`)}
          </button>
        ))}
      </div>
      {(canReply || canMerge || canDismiss) && (
        <details className="qa-console-item__more" onClick={(e) => e.stopPropagation()}>
          <summary>{t("qa.console.more")}</summary>
          {canReply && (
            <form className="qa-inline-form" onSubmit={(e) => (e.preventDefault(), onAction({ action: "reply", questionId: q.id, text: reply }))}>
              <label htmlFor={`reply-${q.id}`}>{t("qa.console.replyLabel")}</label>
              <textarea id={`reply-${q.id}`} dir="auto" rows={2} maxLength={1000} value={reply} onChange={(e) => setReply(e.target.value)} />
              <button type="submit" className="button button--small button--secondary" disabled={busy || reply.trim() === ""}>
                {t("qa.console.replySubmit")}
              </button>
            </form>
          )}
          {canMerge && (
            <form className="qa-inline-form" onSubmit={(e) => (e.preventDefault(), into && onAction({ action: "merge", questionId: q.id, intoId: into }))}>
              <label htmlFor={`merge-${q.id}`}>{t("qa.console.mergeLabel")}</label>
              <select id={`merge-${q.id}`} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="">{t("qa.console.mergeChoose")}</option>
                {targets.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.text.length > 90 ? `${o.text.slice(0, 90)}…` : o.text}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small button--secondary" disabled={busy || !into}>
                {t("qa.console.mergeSubmit")}
              </button>
            </form>
          )}
          {canDismiss && (
            <form className="qa-inline-form" onSubmit={(e) => (e.preventDefault(), onAction({ action: "dismiss", questionId: q.id, ...(reason.trim() ? { reason } : {}) }))}>
              <label htmlFor={`reason-${q.id}`}>{t("qa.console.dismissReasonLabel")}</label>
              <input id={`reason-${q.id}`} dir="auto" maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="button button--small button--secondary" disabled={busy}>
                {t("qa.console.dismissReasonSubmit")}
              </button>
            </form>
          )}
        </details>
      )}
    </li>
  );
}
