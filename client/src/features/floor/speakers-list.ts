import type { TFloorState, TMyFloor } from "@plenary/shared";

/** One's place in the speakers' list (1 = next), or undefined when not waiting in it. */
export function queuePosition(state: Pick<TFloorState, "queue"> | undefined, mine: Pick<TMyFloor, "requestId" | "status"> | null | undefined): number | undefined {
  if (!state || mine?.status !== "QUEUED") return undefined;
  const index = state.queue.indexOf(mine.requestId);
  return index < 0 ? undefined : index + 1;
}

/** The list with `id` moved to `index` (clamped), the others keeping their order: the server's rule. */
export function moveTo<T>(items: readonly T[], item: T, index: number): T[] {
  const rest = items.filter((x) => x !== item);
  if (rest.length === items.length) return [...items];
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), item, ...rest.slice(at)];
}

/**
 * Where Alt+ArrowUp / Alt+ArrowDown on a focused row moves it, or undefined when the key is not a
 * move or the row is already at that end.
 */
export function keyboardMoveTarget(event: { key: string; altKey: boolean }, index: number, length: number): number | undefined {
  if (!event.altKey) return undefined;
  if (event.key === "ArrowUp" && index > 0) return index - 1;
  if (event.key === "ArrowDown" && index < length - 1) return index + 1;
  return undefined;
}

/**
 * The reorder index for a row dragged from `from` and dropped on the row at `over`, before or after
 * it. The index is where the row lands once it has been taken out of the list, as `floor:reorder`
 * reads it; undefined when the drop leaves it where it is.
 */
export function dropIndex(from: number, over: number, after: boolean): number | undefined {
  const slot = over + (after ? 1 : 0);
  const index = slot > from ? slot - 1 : slot;
  return index === from ? undefined : index;
}

/** What the participant's live region says about their own request. */
export type FloorAnnouncement =
  | { kind: "queued"; position: number }
  | { kind: "moved"; position: number }
  | { kind: "next" }
  | { kind: "granted" }
  | { kind: "declined" }
  | { kind: "taken-back" }
  | { kind: "time-up" }
  | { kind: "muted" }
  | { kind: "unmuted" };

/** The participant's request as the live region compares it between two moments. */
export interface OwnFloor {
  status?: TMyFloor["status"];
  endReason?: TMyFloor["endReason"];
  position?: number;
  /** The chair muted their microphone (while they hold the floor). */
  muted?: boolean;
}

/** Places far down the list change often and matter little: only these are announced. */
const ANNOUNCED_PLACES = 3;

/**
 * The one thing worth saying aloud when the participant's request changes, or undefined. Kept
 * quiet on purpose: joining the list, moving within its first places, becoming next, and what the
 * chair decided; a long list shuffling far below does not interrupt a screen reader.
 */
export function floorAnnouncement(prev: OwnFloor, next: OwnFloor): FloorAnnouncement | undefined {
  if (next.status === "GRANTED") {
    if (prev.status !== "GRANTED") return { kind: "granted" };
    if (next.muted !== prev.muted) return next.muted ? { kind: "muted" } : { kind: "unmuted" };
    return undefined;
  }
  if (next.status === "QUEUED" && next.position !== undefined) {
    if (prev.status !== "QUEUED") return { kind: "queued", position: next.position };
    if (next.position === prev.position) return undefined;
    if (next.position === 1) return { kind: "next" };
    return next.position <= ANNOUNCED_PLACES ? { kind: "moved", position: next.position } : undefined;
  }
  if (next.status === prev.status) return undefined;
  if (next.status === "DECLINED") return { kind: "declined" };
  if (next.status === "ENDED" && next.endReason === "revoked") return { kind: "taken-back" };
  if (next.status === "ENDED" && next.endReason === "timer") return { kind: "time-up" };
  return undefined;
}
