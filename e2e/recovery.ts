import type { Page } from "playwright-core";
import { until } from "./helpers.ts";

/** What a page showed at one moment (`at`: the machine's clock, ms), as recorded by {@link recordTimeline}. */
export interface Shown {
  at: number;
  /** The room's connection state on a session page (connection-state), or "none". */
  connection: string;
  /** The "reconnecting" banner (LiveKit's own reconnection) was on screen. */
  reconnecting: boolean;
  /** The "rejoining" notice (the page's JoinController asking for a new token) was on screen. */
  rejoining: boolean;
  /** The stage console's state (stage-status) and whether it said it was reconnecting. */
  stage?: string;
  stageReconnecting?: boolean;
  /** The floor meter's RMS level crossed the audible threshold the e2e tests use (0.05; a half-scale sine reads ~0.35). */
  audible: boolean;
}

declare global {
  interface Window {
    plenaryTimeline?: Shown[];
  }
}

/**
 * Starts recording, in the page, every change of what it shows about its connection and the floor
 * audio: a MutationObserver, so no transient state between two polls is missed.
 */
export async function recordTimeline(page: Page): Promise<void> {
  // Methods, not named arrow functions: tsx (the benches) keeps function names with a helper that
  // does not exist in the page.
  await page.evaluate(() => {
    const recorder = {
      timeline: (window.plenaryTimeline = []) as Shown[],
      byTestId(id: string) {
        return document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      },
      read(): Shown {
        const stage = recorder.byTestId("stage-status");
        return {
          at: Date.now(),
          connection: recorder.byTestId("connection-state")?.dataset.state ?? "none",
          reconnecting: recorder.byTestId("reconnecting-banner") !== null,
          rejoining: recorder.byTestId("session-rejoining") !== null,
          stage: stage?.dataset.state,
          stageReconnecting: stage ? stage.dataset.reconnecting !== undefined : undefined,
          audible: Number(recorder.byTestId("floor-audio-level")?.dataset.level ?? 0) > 0.05,
        };
      },
      note() {
        const now = recorder.read();
        const last = recorder.timeline.at(-1);
        if (!last || (Object.keys(now) as (keyof Shown)[]).some((key) => key !== "at" && now[key] !== last[key])) recorder.timeline.push(now);
      },
    };
    recorder.note();
    new MutationObserver(() => recorder.note()).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-level", "data-reconnecting"] });
  });
}

export const timelineOf = (page: Page): Promise<Shown[]> => page.evaluate(() => window.plenaryTimeline ?? []);

/**
 * When the floor became audible again after `since`: the first audible moment that follows a
 * silent one (the meter's level from before the crash does not count). Undefined while not yet.
 */
export function audibleAgainAt(timeline: Shown[], since: number): number | undefined {
  let silent = false;
  for (const shown of timeline) {
    if (shown.at < since) continue;
    if (!shown.audible) silent = true;
    else if (silent) return shown.at;
  }
  return undefined;
}

/** A timeline as one line, times in ms after `since`: "518:signalReconnecting+banner 6179:connected+audible". */
export function describe(timeline: Shown[], since: number): string {
  const flags = (s: Shown) => [s.reconnecting && "banner", s.rejoining && "rejoining", s.stage && `stage=${s.stage}`, s.stageReconnecting && "stage-reconnecting", s.audible && "audible"].filter(Boolean);
  return timeline.map((s) => [`${s.at - since}:${s.connection}`, ...flags(s)].join("+")).join(" ");
}

/** Resolves once `page` shows audio again after a silence that began at or after `since` (ms since the epoch). */
export const heardAgainAfterSilence = (page: Page, since: number, timeoutMs: number) =>
  until(
    page,
    (from) => {
      let silent = false;
      for (const shown of window.plenaryTimeline ?? []) {
        if (shown.at < from) continue;
        if (!shown.audible) silent = true;
        else if (silent) return true;
      }
      return false;
    },
    since,
    timeoutMs,
  );
