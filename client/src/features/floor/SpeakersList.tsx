import type { TFloorEntry, TLanguage } from "@plenary/shared";
import { useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { AddSpeakerForm } from "./AddSpeakerForm.tsx";
import { ChairHolder } from "./ChairHolder.tsx";
import { DeclineDialog } from "./DeclineDialog.tsx";
import type { FloorAck } from "./floor-follower.ts";
import { floorErrorKey, type FloorContext } from "./floor-format.ts";
import { FloorSettingsForm } from "./FloorSettingsForm.tsx";
import { dropIndex } from "./speakers-list.ts";
import { SpeakersListEntry, type MoveOrigin } from "./SpeakersListEntry.tsx";
import type { UseFloor } from "./useFloor.ts";

/** Props for {@link SpeakersList}. */
export interface SpeakersListProps {
  floor: UseFloor;
  /** The session's languages, for adding a speaker. */
  languages: readonly TLanguage[];
}

/** Where focus goes after the list re-renders: a moved row (or its arrow), or the list's heading once a row is gone. */
type FocusRequest = { requestId: string; origin: MoveOrigin } | { gone: string };

/**
 * The chair's speakers' list, live for every moderator of the session: who holds the floor (timer,
 * extend, mute, take back, message), who waits (reorder by drag or keyboard, give the floor,
 * decline with a reason), adding a pre-arranged speaker, and the session's floor rules.
 */
export function SpeakersList({ floor, languages }: SpeakersListProps) {
  const { t } = useTranslation();
  const id = useId();
  const { follower, view } = floor;
  const [said, setSaid] = useState("");
  const [error, setError] = useState<string>();
  const [declining, setDeclining] = useState<TFloorEntry>();
  const [dragged, setDragged] = useState<string>();
  const [dropAt, setDropAt] = useState<{ requestId: string; after: boolean }>();
  const listRef = useRef<HTMLOListElement>(null);
  const waitingRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<FocusRequest>(undefined);

  const entries = view.list?.entries ?? [];
  const holders = view.list?.holders ?? [];

  // A moved row is taken out of the page and put back, which drops focus: give it back.
  useLayoutEffect(() => {
    const request = focusNext.current;
    if (!request) return;
    if ("gone" in request) {
      if (listRef.current?.querySelector(`[data-request-id="${CSS.escape(request.gone)}"]`)) return;
      focusNext.current = undefined;
      return waitingRef.current?.focus();
    }
    focusNext.current = undefined;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(request.requestId)}"]`);
    const button = request.origin === "row" ? null : row?.querySelector<HTMLButtonElement>(`[data-move="${request.origin}"]`);
    (button && !button.disabled ? button : row)?.focus();
  });

  if (!follower || !view.synced) return <Loading />;
  if (!view.state) return <Notice tone="info">{t(floorErrorKey(view.problem ?? "NETWORK", "sync"))}</Notice>;
  if (!view.list) return <Notice tone="error">{t(floorErrorKey("FORBIDDEN", "chair"))}</Notice>;

  const run = async (context: FloorContext, action: Promise<FloorAck<unknown>>, done: string): Promise<boolean> => {
    const ack = await action;
    if ("error" in ack) {
      setError(t(floorErrorKey(ack.error.code, context)));
      return false;
    }
    setError(undefined);
    setSaid(done);
    return true;
  };

  const move = (entry: TFloorEntry, index: number, origin: MoveOrigin) => {
    focusNext.current = { requestId: entry.requestId, origin };
    void run("chair", follower.reorder(entry.requestId, index), t("floor.chair.done.moved", { name: entry.displayName, position: index + 1 }));
  };
  const drop = (over: TFloorEntry) => {
    const from = entries.findIndex((e) => e.requestId === dragged);
    const overIndex = entries.indexOf(over);
    const index = from < 0 || !dropAt ? undefined : dropIndex(from, overIndex, dropAt.after);
    if (index !== undefined) move(entries[from]!, index, "row");
    setDragged(undefined);
    setDropAt(undefined);
  };
  // Granting or declining takes the row out of the list: focus then goes to the list's heading.
  const settle = async (entry: TFloorEntry, context: FloorContext, action: Promise<FloorAck<unknown>>, done: string) => {
    focusNext.current = { gone: entry.requestId };
    if (!(await run(context, action, done))) focusNext.current = undefined;
  };
  const decline = (entry: TFloorEntry, reason: string | undefined) => {
    setDeclining(undefined);
    void settle(entry, "chair", follower.decline(entry.requestId, reason), t("floor.chair.done.decline", { name: entry.displayName }));
  };

  return (
    // The console's Q&A shortcuts (letters, arrows) act on the selected question: not from in here.
    <section className="speakers-list" aria-labelledby={`${id}-title`} data-testid="speakers-list" onKeyDown={(e) => !e.altKey && !e.ctrlKey && !e.metaKey && e.stopPropagation()}>
      <h2 id={`${id}-title`}>{t("floor.chair.title")}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {!view.connected && <Notice tone="warning">{t("connection.reconnecting")}</Notice>}

      <h3 className="speakers-list__subtitle">{t("floor.chair.holdersTitle")}</h3>
      {holders.length === 0 ? (
        <p className="speakers-list__empty">{t("floor.chair.nobody")}</p>
      ) : (
        <ul className="speakers-list__holders">
          {holders.map((holder) => {
            const name = holder.displayName;
            return (
              <ChairHolder
                key={holder.requestId}
                holder={holder}
                offsetMs={view.offsetMs}
                onExtend={(seconds) => void run("chair", follower.extend(holder.requestId, seconds), t("floor.chair.done.extend", { name }))}
                onMute={(muted) => void run("chair", follower.mute(holder.requestId, muted), t(muted ? "floor.chair.done.mute" : "floor.chair.done.unmute", { name }))}
                onRevoke={() => void run("chair", follower.revoke(holder.requestId), t("floor.chair.done.revoke", { name }))}
                onMessage={(text) => run("message", follower.message(holder.requestId, text), t("floor.chair.done.message", { name }))}
              />
            );
          })}
        </ul>
      )}

      <h3 ref={waitingRef} tabIndex={-1} className="speakers-list__subtitle">
        {t("floor.chair.waitingTitle")} <span className="speakers-list__count">{entries.length}</span>
      </h3>
      <p id={`${id}-hint`} className="field__hint">
        {t("floor.chair.reorderHint")}
      </p>
      {entries.length === 0 ? (
        <p className="speakers-list__empty">{t("floor.chair.empty")}</p>
      ) : (
        <ol ref={listRef} className="speakers-list__entries" onDragLeave={(e) => e.currentTarget === e.target && setDropAt(undefined)}>
          {entries.map((entry, index) => (
            <SpeakersListEntry
              key={entry.requestId}
              entry={entry}
              index={index}
              count={entries.length}
              hintId={`${id}-hint`}
              dropMark={dragged && dragged !== entry.requestId && dropAt?.requestId === entry.requestId ? (dropAt.after ? "after" : "before") : undefined}
              onMove={(to, origin) => move(entry, to, origin)}
              onGrant={() => void settle(entry, "grant", follower.grant(entry.requestId), t("floor.chair.done.grant", { name: entry.displayName }))}
              onDecline={() => setDeclining(entry)}
              onDragStart={() => setDragged(entry.requestId)}
              onDragOver={(after) => setDropAt({ requestId: entry.requestId, after })}
              onDrop={() => drop(entry)}
              onDragEnd={() => {
                setDragged(undefined);
                setDropAt(undefined);
              }}
            />
          ))}
        </ol>
      )}

      <div className="speakers-list__forms">
        <AddSpeakerForm
          languages={languages}
          onAdd={(input) => run("add", follower.add(input), t("floor.chair.done.add", { name: input.email }))}
        />
        <FloorSettingsForm key={JSON.stringify(view.list.settings)} settings={view.list.settings} onSave={(settings) => run("chair", follower.settings(settings), t("floor.chair.done.settings"))} />
      </div>
      {declining && <DeclineDialog name={declining.displayName} onCancel={() => setDeclining(undefined)} onConfirm={(reason) => decline(declining, reason)} />}
    </section>
  );
}
