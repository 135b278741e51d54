import type { TModeratorQuestion, TQaMode, TQaModeratePayload } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApiQuery } from "../../lib/useApiQuery.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { floorLanguages } from "../floor/floor-format.ts";
import { SpeakersList } from "../floor/SpeakersList.tsx";
import { useFloor } from "../floor/useFloor.ts";
import { FloorLanguagePanel } from "../interpretation/FloorLanguagePanel.tsx";
import { ListenQr } from "../listen/ListenQr.tsx";
import { fetchSession } from "../session/api.ts";
import { ConsoleQuestion } from "./ConsoleQuestion.tsx";
import { ConsoleToolbar } from "./ConsoleToolbar.tsx";
import { CONSOLE_FILTERS, countByStatus, qaErrorKey, queueOf, shortcutAction, type ConsoleFilter, type QaErrorCode } from "./qa-format.ts";
import { useConsoleShortcuts } from "./useConsoleShortcuts.ts";
import { useQaFollower } from "./useQaFollower.ts";

/** The moderators' page: the review queue by status, its actions and shortcuts, mode, exports, presenter link. */
export function ModeratorConsole() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const session = useApiQuery(`session:${id}`, (signal) => fetchSession(id, signal));
  const qa = useQaFollower<TModeratorQuestion>(id);
  const floor = useFloor(id);
  const [filter, setFilter] = useState<ConsoleFilter>("PENDING");
  const [selectedId, setSelectedId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ done?: TQaModeratePayload["action"]; error?: QaErrorCode }>({});
  useDocumentTitle(t("qa.console.title"));

  const all = qa.state ? Object.values(qa.state.questions) : [];
  const queue = queueOf(all, filter);
  const selected = queue.find((q) => q.id === selectedId) ?? queue[0];

  const moderate = async (payload: TQaModeratePayload) => {
    setBusy(true);
    const ack = await qa.send("qa:moderate", payload);
    setBusy(false);
    setOutcome("error" in ack ? { error: ack.error.code } : { done: payload.action });
  };
  const setMode = async (mode: TQaMode) => {
    setBusy(true);
    const ack = await qa.send("qa:set-mode", { sessionId: id, mode });
    setBusy(false);
    setOutcome("error" in ack ? { error: ack.error.code } : {});
  };

  useConsoleShortcuts({
    move: (step) => {
      const index = selected ? queue.indexOf(selected) : -1;
      const next = queue[Math.min(queue.length - 1, Math.max(0, index + step))];
      if (next) setSelectedId(next.id);
    },
    act: (key) => {
      const action = selected && !busy ? shortcutAction(key, selected) : undefined;
      if (action && selected) void moderate({ action, questionId: selected.id });
    },
  });

  if (!qa.state && qa.problem) return <Notice tone="error">{t(qaErrorKey(qa.problem, "sync"))}</Notice>;
  if (!qa.state) return <Loading label={t("qa.loading")} />;
  if (qa.state.view !== "moderator") {
    return (
      <Notice tone="error" title={t("qa.console.notModeratorTitle")} actions={<Link to={`/sessions/${id}`}>{t("qa.console.backToSession")}</Link>}>
        {t("qa.console.notModeratorBody")}
      </Notice>
    );
  }
  const counts = countByStatus(all);

  return (
    <article className="page qa-console" aria-labelledby="qa-console-title">
      <p className="session-header__back">
        <Link to={`/sessions/${id}`}>{t("qa.console.backToSession")}</Link>
      </p>
      <h1 id="qa-console-title">
        {t("qa.console.title")}
        {session.data && (
          <span className="qa-console__session">
            <bdi>{session.data.title}</bdi>
          </span>
        )}
      </h1>
      {!qa.connected && <Notice tone="warning">{t("qa.reconnecting")}</Notice>}
      <ConsoleToolbar sessionId={id} mode={qa.state.mode} busy={busy} onMode={(m) => void setMode(m)} />
      <FloorLanguagePanel sessionId={id} />
      <SpeakersList floor={floor} languages={floorLanguages(session.data?.languages ?? [])} />
      <div className="qa-filters" role="tablist" aria-label={t("qa.console.filters")}>
        {CONSOLE_FILTERS.map((f) => (
          <button key={f} type="button" role="tab" aria-selected={filter === f} className="qa-filters__tab" onClick={() => setFilter(f)} data-testid={`qa-filter-${f}`}>
            {t(`qa.console.filter.${f}`)} <span className="qa-filters__count">{counts[f]}</span>
          </button>
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {outcome.done ? t(`qa.console.done.${outcome.done}`) : ""}
      </p>
      {outcome.error && <Notice tone="error">{t(qaErrorKey(outcome.error, "moderate"))}</Notice>}
      <div className="qa-console__layout">
        <div role="tabpanel">
          {queue.length === 0 ? (
            <p className="qa-empty">{t(`qa.console.empty.${filter}`)}</p>
          ) : (
            <ol className="qa-list qa-console__list" data-testid="qa-console-list">
              {queue.map((q) => (
                <ConsoleQuestion key={q.id} question={q} others={all} selected={q.id === selected?.id} busy={busy} onSelect={() => setSelectedId(q.id)} onAction={(p) => void moderate(p)} />
              ))}
            </ol>
          )}
        </div>
        <div className="qa-console__side">
          {/* The guest link for the room is made here, on the chair's computer, and the presenter screen opened on it shows its code. */}
          <ListenQr sessionId={id} canManage />
          <aside className="qa-shortcuts" aria-labelledby="qa-shortcuts-title">
            <h2 id="qa-shortcuts-title">{t("qa.console.shortcutsTitle")}</h2>
            <ul>
              {(["move", "approve", "dismiss", "highlight", "answer"] as const).map((k) => (
                <li key={k}>{t(`qa.console.shortcuts.${k}`)}</li>
              ))}
            </ul>
          </aside>
        </div>
      </div>
    </article>
  );
}
