import { applyMyQuestion, myQuestions, onScreen, publicQuestions, setMyVote, type QaSort, type QaState, type TQuestion, type TSession } from "@plenary/shared";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { AskForm } from "./AskForm.tsx";
import { MyQuestions } from "./MyQuestions.tsx";
import { newClientId, qaErrorKey, type QaErrorCode } from "./qa-format.ts";
import { QuestionItem } from "./QuestionItem.tsx";
import { LanguageTag, QuestionText } from "./QuestionText.tsx";
import { useQaAnnouncements } from "./useQaAnnouncements.ts";
import { useQaFollower, type QaSend } from "./useQaFollower.ts";

/**
 * The session page's Q&A: ask, vote, sort, the asker's own questions, and what is on screen now.
 * Once the session has ended it is an archive: the questions and answers, with asking and voting closed.
 */
export function QaPanel({ sessionId, status }: { sessionId: string; status: TSession["status"] }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  return (
    <section className="qa-panel" aria-labelledby="qa-title" data-testid="qa-panel">
      <h2 id="qa-title">{t(status === "ENDED" ? "qa.archive.title" : "qa.title")}</h2>
      {me === undefined && <Loading />}
      {me === null && (
        <Notice
          tone="info"
          title={t("qa.signInTitle")}
          actions={
            <Link className="button button--primary" to={loginPathFor(location.pathname + location.search)}>
              {t("qa.signIn")}
            </Link>
          }
        >
          {t("qa.signInBody")}
        </Notice>
      )}
      {me && <QaFeed sessionId={sessionId} closed={status === "ENDED"} />}
    </section>
  );
}

function QaFeed({ sessionId, closed }: { sessionId: string; closed: boolean }) {
  const { t } = useTranslation();
  const qa = useQaFollower(sessionId);
  const { state, problem } = qa;

  if (!state && problem) {
    return (
      <Notice tone={problem === "FORBIDDEN" ? "info" : "error"} testId="qa-problem">
        {t(qaErrorKey(problem, "sync"))}
      </Notice>
    );
  }
  if (!state) return <Loading label={t("qa.loading")} />;
  return (
    <QaContent
      state={state}
      send={qa.send}
      connected={qa.connected}
      closed={closed}
      onAsked={(question) => qa.update((s) => applyMyQuestion(s, question))}
      onVoted={(id, up) => qa.update((s) => setMyVote(s, id, up))}
    />
  );
}

interface QaContentProps {
  state: QaState;
  send: QaSend;
  connected: boolean;
  /** The session has ended: read only. */
  closed: boolean;
  onAsked(question: TQuestion): void;
  onVoted(questionId: string, up: boolean): void;
}

function QaContent({ state, send, connected, closed, onAsked, onVoted }: QaContentProps) {
  const { t } = useTranslation();
  const feedNews = useQaAnnouncements(state);
  // The outcome of the person's own action (asking, voting), said politely where their focus stays.
  const [outcome, setOutcome] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const [sort, setSort] = useState<QaSort>("top");
  const [voting, setVoting] = useState<string>();
  const [voteError, setVoteError] = useState<QaErrorCode>();
  const highlighted = onScreen(state);
  const questions = publicQuestions(state, sort);
  const mine = new Set(state.mine);
  const own = myQuestions(state);
  const voted = new Set(state.myVotes);

  const vote = async (questionId: string, up: boolean) => {
    setVoting(questionId);
    setVoteError(undefined);
    const ack = await send("qa:vote", { questionId, clientId: newClientId(), up });
    setVoting(undefined);
    if ("error" in ack) return setVoteError(ack.error.code);
    onVoted(questionId, ack.data.up);
    setOutcome(t(ack.data.up ? "qa.announce.voted" : "qa.announce.unvoted"));
    // Sorting by votes may move the question: keep the focus on its vote button.
    requestAnimationFrame(() => {
      const button = list.current?.querySelector<HTMLButtonElement>(`[data-question-id="${questionId}"] [data-testid="qa-vote"]`);
      if (button && document.activeElement !== button && (document.activeElement === document.body || list.current?.contains(document.activeElement))) button.focus();
    });
  };

  return (
    <>
      {state.view === "moderator" && (
        <p>
          <Link to={`/sessions/${state.sessionId}/moderate`} data-testid="qa-open-console">
            {t("qa.openConsole")}
          </Link>
        </p>
      )}
      {!connected && <Notice tone="warning">{t("qa.reconnecting")}</Notice>}
      {highlighted && (
        <div className="qa-on-screen" data-testid="qa-on-screen">
          <p className="qa-on-screen__label">{t("qa.onScreen")}</p>
          <QuestionText question={highlighted} className="qa-on-screen__text" />
          <LanguageTag language={highlighted.language} />
        </div>
      )}
      {closed ? (
        <Notice tone="info" testId="qa-archive">
          {t("qa.archive.notice")}
        </Notice>
      ) : state.mode === "CLOSED" ? (
        <Notice tone="info">{t("qa.modeHint.CLOSED")}</Notice>
      ) : (
        <AskForm
          sessionId={state.sessionId}
          mode={state.mode}
          send={send}
          onAsked={(question) => {
            onAsked(question);
            setOutcome(t(question.status === "PENDING" ? "qa.ask.sentForReview" : "qa.ask.published"));
          }}
        />
      )}
      <MyQuestions questions={own} send={send} closed={closed} />
      <div className="qa-toolbar">
        <h3 className="qa-toolbar__title">{t("qa.listTitle")}</h3>
        <fieldset className="qa-sort">
          <legend className="visually-hidden">{t("qa.sort.label")}</legend>
          {(["top", "newest"] as const).map((option) => (
            <label key={option} className={`qa-sort__option${sort === option ? " qa-sort__option--on" : ""}`}>
              <input type="radio" name="qa-sort" value={option} checked={sort === option} onChange={() => setSort(option)} />
              {t(`qa.sort.${option}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {voteError && <Notice tone="error">{t(qaErrorKey(voteError, "vote"))}</Notice>}
      {questions.length === 0 ? (
        <p className="qa-empty" data-testid="qa-empty">
          {t(closed ? "qa.archive.empty" : own.some((q) => q.status === "PENDING") ? "qa.emptyAwaitingReview" : "qa.empty")}
        </p>
      ) : (
        <ol className="qa-list" data-testid="qa-list" ref={list}>
          {questions.map((q) => (
            <QuestionItem key={q.id} question={q} mine={mine.has(q.id)} voted={voted.has(q.id)} voting={voting === q.id} closed={closed} onVote={(up) => void vote(q.id, up)} />
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="qa-announcement">
        {outcome}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="qa-feed-announcement">
        {feedNews}
      </p>
    </>
  );
}
