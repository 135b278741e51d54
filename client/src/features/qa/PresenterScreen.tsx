import { onScreen, PRESENTER_NAMESPACE } from "@plenary/shared";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { createSocket, SocketHub } from "../../lib/socket.ts";
import { useApiQuery } from "../../lib/useApiQuery.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { FloorHolders } from "../floor/FloorHolders.tsx";
import { useFloor } from "../floor/useFloor.ts";
import { ProjectedListenQr } from "../listen/ProjectedListenQr.tsx";
import { fetchSession } from "../session/api.ts";
import { verifyPresenterLink } from "./api.ts";
import { LanguageTag, QuestionText } from "./QuestionText.tsx";
import { useQaFollower } from "./useQaFollower.ts";

/** The token of a presenter link travels in the URL fragment, which browsers never send to a server. */
const tokenFrom = (hash: string): string | undefined => new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? undefined;

/**
 * The venue screen: who has the floor with the speaking timer, and the question on screen now, in
 * large type, with its language and votes, live.
 * Read-only: it connects to the presenter namespace, which accepts nothing but a sync. It needs a
 * moderator-issued link, or a signed-in moderator or stage operator of the session.
 */
export function PresenterScreen() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const token = tokenFrom(useLocation().hash);
  // Its own connection to the read-only presenter namespace, shared by the questions and the floor,
  // closed when the screen goes.
  const presenterSockets = useMemo(() => new SocketHub(() => createSocket({ namespace: PRESENTER_NAMESPACE, auth: token ? { token } : { sessionId: id } })), [id, token]);
  const qa = useQaFollower(id, presenterSockets.acquire);
  const floor = useFloor(id, { open: presenterSockets.acquire, presenter: true });
  const title = useApiQuery(`presenter:${id}:${token ?? ""}`, (signal) =>
    token ? verifyPresenterLink(token, signal).then((l) => l.title) : fetchSession(id, signal).then((s) => s.title),
  );
  useDocumentTitle(t("qa.presenter.title"));
  const question = qa.state && onScreen(qa.state);

  return (
    <main className="presenter" data-testid="presenter">
      <header className="presenter__header">
        <p className="presenter__session" dir="auto">
          {title.data}
        </p>
        {!qa.connected && qa.state && <p className="presenter__status">{t("qa.presenter.offline")}</p>}
      </header>
      <FloorHolders holders={floor.view.state?.holders ?? []} offsetMs={floor.view.offsetMs} variant="presenter" />
      {!qa.state && qa.problem ? (
        <section className="presenter__idle" role="alert">
          <p className="presenter__idle-title">{t("qa.presenter.invalidLink")}</p>
          <p>{t("qa.presenter.askModerator")}</p>
        </section>
      ) : !qa.state ? (
        <section className="presenter__idle" role="status">
          <p>{t("qa.presenter.connecting")}</p>
        </section>
      ) : question ? (
        <section className="presenter__question" aria-live="polite" data-testid="presenter-question">
          <QuestionText question={question} className="presenter__text" />
          <p className="presenter__meta">
            <bdi>{question.authorName ?? t("qa.anonymous")}</bdi>
            <LanguageTag language={question.language} />
            <span className="presenter__votes" data-testid="presenter-votes">
              <span className="presenter__votes-count">{question.voteCount}</span> {t("qa.presenter.votesLabel", { count: question.voteCount })}
            </span>
          </p>
        </section>
      ) : (
        <section className="presenter__idle" aria-live="polite">
          <p className="presenter__idle-title">{t("qa.presenter.nothing")}</p>
          <p>{t("qa.presenter.nothingHint")}</p>
        </section>
      )}
      <footer className="presenter__listen">
        <ProjectedListenQr sessionId={id} />
      </footer>
    </main>
  );
}
