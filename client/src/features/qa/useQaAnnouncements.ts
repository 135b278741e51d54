import { myQuestions, publicQuestions, type QaState } from "@plenary/shared";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLatest } from "../../lib/useLatest.ts";

/** At most one announcement of the feed per this many ms: a busy session must not chatter. */
export const ANNOUNCE_EVERY_MS = 10_000;

/**
 * What a screen reader should hear about the public feed: questions newly approved (the asker's
 * own said apart), gathered and said at most every {@link ANNOUNCE_EVERY_MS}. Nothing on load.
 */
export function useQaAnnouncements(state: QaState): string {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const known = useRef<Set<string>>(undefined);
  const waiting = useRef({ fresh: 0, mine: 0 });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastAt = useRef(-Infinity);
  const translate = useLatest(t);
  // The asker's own questions awaiting review: only their approval is news (an open session publishes at once).
  const reviewing = useRef(new Set<string>());

  useEffect(() => {
    const visible = publicQuestions(state, "newest").map((q) => q.id);
    const mine = myQuestions(state);
    const wasReviewing = reviewing.current;
    reviewing.current = new Set(mine.filter((q) => q.status === "PENDING").map((q) => q.id));
    const before = known.current;
    known.current = new Set(visible);
    if (!before) return;
    const own = new Set(mine.map((q) => q.id));
    for (const id of visible) {
      if (before.has(id)) continue;
      if (wasReviewing.has(id)) waiting.current.mine++;
      else if (!own.has(id)) waiting.current.fresh++;
    }
    if (timer.current || (waiting.current.fresh === 0 && waiting.current.mine === 0)) return;
    timer.current = setTimeout(() => {
      const { fresh, mine: own } = waiting.current;
      const tr = translate.current;
      setMessage([own > 0 ? tr("qa.announce.mineApproved", { count: own }) : "", fresh > 0 ? tr("qa.announce.newQuestions", { count: fresh }) : ""].filter(Boolean).join(" "));
      waiting.current = { fresh: 0, mine: 0 };
      lastAt.current = performance.now();
      timer.current = undefined;
    }, Math.max(0, lastAt.current + ANNOUNCE_EVERY_MS - performance.now()));
  }, [state, translate]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return message;
}
