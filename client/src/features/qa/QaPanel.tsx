import { applyMyQuestion, myQuestions, onScreen, publicQuestions, setMyVote, type QaSort, type QaState, type TQuestion } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { acquireSocket } from "../../lib/socket.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { AskForm } from "./AskForm.tsx";
import { MyQuestions } from "./MyQuestions.tsx";
import { newClientId, qaErrorKey, type QaErrorCode } from "./qa-format.ts";
import { QuestionItem } from "./QuestionItem.tsx";
import { LanguageTag, QuestionText } from "./QuestionText.tsx";
import { useQaFollower, type QaSend } from "./useQaFollower.ts";

/** The session page's Q&A: ask, vote, sort, the asker's own questions, and what is on screen now. */
export function QaPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  return (
    <section className="qa-panel" aria-labelledby="qa-title" data-testid="qa-panel">
      <h2 id="qa-title">{t("qa.title")}</h2>
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
      {me && <QaFeed sessionId={sessionId} />}
    </section>
  );
}

function QaFeed({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  // The tab's shared socket: the session page follows the session on the same connection.
  const qa = useQaFollower(sessionId, acquireSocket);
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
      onAsked={(question) => qa.update((s) => applyMyQuestion(s, question))}
      onVoted={(id, up) => qa.update((s) => setMyVote(s, id, up))}
    />
  );
}

interface QaContentProps {
  state: QaState;
  send: QaSend;
  connected: boolean;
  onAsked(question: TQuestion): void;
  onVoted(questionId: string, up: boolean): void;
}

function QaContent({ state, send, connected, onAsked, onVoted }: QaContentProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<QaSort>("top");
  const [voting, setVoting] = useState<string>();
  const [voteError, setVoteError] = useState<QaErrorCode>();
  const highlighted = onScreen(state);
  const questions = publicQuestions(state, sort);
  const mine = new Set(state.mine);
  const voted = new Set(state.myVotes);

  const vote = async (questionId: string, up: boolean) => {
    setVoting(questionId);
    setVoteError(undefined);
    const ack = await send("qa:vote", { questionId, clientId: newClientId(), up });
    setVoting(undefined);
    if ("error" in ack) return setVoteError(ack.error.code);
    onVoted(questionId, ack.data.up);
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
      {state.mode === "CLOSED" ? (
        <Notice tone="info">{t("qa.modeHint.CLOSED")}</Notice>
      ) : (
        <AskForm sessionId={state.sessionId} mode={state.mode} send={send} onAsked={onAsked} />
      )}
      <MyQuestions questions={myQuestions(state)} send={send} />
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
          {t("qa.empty")}
        </p>
      ) : (
        <ol className="qa-list" data-testid="qa-list">
          {questions.map((q) => (
            <QuestionItem key={q.id} question={q} mine={mine.has(q.id)} voted={voted.has(q.id)} voting={voting === q.id} onVote={(up) => void vote(q.id, up)} />
          ))}
        </ol>
      )}
    </>
  );
}
