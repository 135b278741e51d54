import { UN_LANGUAGES, UNDETERMINED_LANGUAGE, type TQuestion } from "@plenary/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { charsLeft, myStatus, qaErrorKey, type QaErrorCode } from "./qa-format.ts";
import { QuestionText } from "./QuestionText.tsx";
import type { QaAck, QaSend } from "./useQaFollower.ts";

/** The asker's own questions with their status; pending ones can be edited or withdrawn until the session ends. */
export function MyQuestions({ questions, send, closed }: { questions: TQuestion[]; send: QaSend; closed: boolean }) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <section className="qa-mine" aria-labelledby="qa-mine-title">
      <h3 id="qa-mine-title">{t("qa.mine.title")}</h3>
      <ul className="qa-mine__list" data-testid="qa-mine">
        {questions.map((q) => (
          <MyQuestion key={q.id} question={q} send={send} closed={closed} />
        ))}
      </ul>
    </section>
  );
}

function MyQuestion({ question: q, send, closed }: { question: TQuestion; send: QaSend; closed: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<QaErrorCode>();
  const status = myStatus(q);
  const canCorrectLanguage = !closed && (q.status === "PENDING" || q.status === "PUBLISHED");
  const languageId = useId();

  const run = async (request: () => Promise<QaAck<unknown>>) => {
    setPending(true);
    setError(undefined);
    const ack = await request();
    setPending(false);
    if ("error" in ack) return setError(ack.error.code);
    setEditing(undefined);
    setConfirming(false);
  };
  const languages = UN_LANGUAGES.includes(q.language as never) || q.language === UNDETERMINED_LANGUAGE ? [...UN_LANGUAGES] : [q.language, ...UN_LANGUAGES];

  return (
    <li className="qa-mine__item" data-status={status}>
      {editing === undefined ? (
        <QuestionText question={q} />
      ) : (
        <textarea className="qa-ask__text" dir="auto" rows={3} value={editing} aria-label={t("qa.ask.label")} onChange={(e) => setEditing(e.target.value)} />
      )}
      <div className="qa-mine__meta">
        <span className={`qa-status qa-status--${status.toLowerCase()}`} data-testid="qa-my-status">
          {t(`qa.status.${status}`)}
        </span>
        {canCorrectLanguage ? (
          <span className="qa-mine__language-field">
          <label htmlFor={languageId}>{t("qa.mine.languageLabel")}</label>
          <LanguageSelect
            id={languageId}
            className="qa-mine__language"
            value={q.language}
            disabled={pending}
            languages={languages}
            firstOption={q.language === UNDETERMINED_LANGUAGE ? { value: UNDETERMINED_LANGUAGE, label: t("qa.languageUnknown") } : undefined}
            onChange={(language) => void run(() => send("qa:edit", { questionId: q.id, language }))}
          />
          </span>
        ) : null}
      </div>
      {q.status === "PENDING" && !closed && (
        <div className="qa-mine__actions">
          {editing !== undefined ? (
            <>
              <button type="button" className="button button--small button--primary" disabled={pending || charsLeft(editing) < 0 || editing.trim() === ""} onClick={() => void run(() => send("qa:edit", { questionId: q.id, text: editing }))}>
                {t("qa.mine.save")}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setEditing(undefined)}>
                {t("qa.mine.cancel")}
              </button>
            </>
          ) : confirming ? (
            <>
              <span>{t("qa.mine.confirmWithdraw")}</span>
              <button type="button" className="button button--small button--live" disabled={pending} onClick={() => void run(() => send("qa:withdraw", { questionId: q.id }))}>
                {t("qa.mine.yes")}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setConfirming(false)}>
                {t("qa.mine.no")}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button--small button--secondary" onClick={() => setEditing(q.text)}>
                {t("qa.mine.edit")}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setConfirming(true)}>
                {t("qa.mine.withdraw")}
              </button>
            </>
          )}
        </div>
      )}
      {error && <Notice tone="error">{t(qaErrorKey(error, "edit"))}</Notice>}
    </li>
  );
}
