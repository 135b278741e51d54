import type { TFloorEntry } from "@plenary/shared";
import { useState, type DragEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/index.ts";
import { languageName } from "../../lib/languages.ts";
import { keyboardMoveTarget } from "./speakers-list.ts";

/** Where a move came from, so focus can go back to the same control on the moved row. */
export type MoveOrigin = "row" | "up" | "down";

/** Props for {@link SpeakersListEntry}. */
export interface SpeakersListEntryProps {
  entry: TFloorEntry;
  index: number;
  count: number;
  /** The row is being dragged over: the line shows where it would land. */
  dropMark: "before" | "after" | undefined;
  hintId: string;
  onMove(index: number, origin: MoveOrigin): void;
  onGrant(): void;
  onDecline(): void;
  onDragStart(): void;
  onDragOver(after: boolean): void;
  onDrop(): void;
  onDragEnd(): void;
}

/**
 * One request in the chair's list: who, their organisation, language, topic and when they asked,
 * with Give the floor and Decline. Reordered by dragging, by its arrow buttons, or by Alt+↑/↓
 * while the row has focus.
 */
export function SpeakersListEntry(props: SpeakersListEntryProps) {
  const { entry, index, count, dropMark, hintId, onMove } = props;
  const { t, i18n } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const name = entry.displayName;
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: "2-digit", minute: "2-digit" }).format(new Date(entry.requestedAt));

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    const target = keyboardMoveTarget(event, index, count);
    if (target === undefined) return;
    event.preventDefault();
    onMove(target, event.target === event.currentTarget ? "row" : event.key === "ArrowUp" ? "up" : "down");
  };
  const dragOver = (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const box = event.currentTarget.getBoundingClientRect();
    props.onDragOver(event.clientY > box.top + box.height / 2);
  };

  return (
    <li
      className={`speaker-entry${dragging ? " speaker-entry--dragging" : ""}${dropMark ? ` speaker-entry--drop-${dropMark}` : ""}`}
      data-testid="speakers-list-entry"
      data-request-id={entry.requestId}
      tabIndex={0}
      aria-label={t("floor.chair.row", { position: index + 1, name })}
      aria-describedby={hintId}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", entry.requestId);
        setDragging(true);
        props.onDragStart();
      }}
      onDragOver={dragOver}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop();
      }}
      onDragEnd={() => {
        setDragging(false);
        props.onDragEnd();
      }}
    >
      <span className="speaker-entry__grip" aria-hidden="true">
        ⠿
      </span>
      <span className="speaker-entry__position" aria-hidden="true">
        {index + 1}
      </span>
      <div className="speaker-entry__who">
        <p className="speaker-entry__name">
          <bdi>{name}</bdi>
          {entry.addedByChair && <span className="badge badge--arranged">{t("floor.chair.preArranged")}</span>}
          {entry.staffRole === "SPEAKER" && <span className="badge badge--role">{t("staffRoles.SPEAKER")}</span>}
        </p>
        {entry.organisation && (
          <p className="speaker-entry__org">
            <bdi>{entry.organisation}</bdi>
          </p>
        )}
        <p className="speaker-entry__meta">
          {languageName(entry.language, i18n.language)} · <time dateTime={entry.requestedAt}>{t("floor.chair.askedAt", { time })}</time>
        </p>
        {entry.topic && (
          <p className="speaker-entry__topic">
            <bdi>{entry.topic}</bdi>
          </p>
        )}
      </div>
      <div className="speaker-entry__actions">
        <span className="speaker-entry__moves">
          <button type="button" className="button button--quiet button--small" data-move="up" aria-label={t("floor.chair.moveUpNamed", { name })} title={t("floor.chair.moveUp")} disabled={index === 0} onClick={() => onMove(index - 1, "up")}>
            <span aria-hidden="true">↑</span>
          </button>
          <button type="button" className="button button--quiet button--small" data-move="down" aria-label={t("floor.chair.moveDownNamed", { name })} title={t("floor.chair.moveDown")} disabled={index === count - 1} onClick={() => onMove(index + 1, "down")}>
            <span aria-hidden="true">↓</span>
          </button>
        </span>
        <button type="button" className="button button--primary button--small" aria-label={t("floor.chair.giveNamed", { name })} onClick={props.onGrant} data-testid="floor-grant">
          {t("floor.chair.give")}
        </button>
        <button type="button" className="button button--secondary button--small" aria-label={t("floor.chair.declineNamed", { name })} onClick={props.onDecline} data-testid="floor-decline">
          {t("floor.chair.decline")}
        </button>
      </div>
    </li>
  );
}
