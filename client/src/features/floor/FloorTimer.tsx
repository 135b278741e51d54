import type { TFloorHolder } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { timerView } from "./floor-timer.ts";
import { useNow } from "./useNow.ts";

/** Props for {@link FloorTimer}. */
export interface FloorTimerProps {
  holder: Pick<TFloorHolder, "endsAt">;
  /** The server clock's lead over this one (FloorView.offsetMs). */
  offsetMs: number;
  className?: string;
}

/**
 * A holder's speaking timer on the server's clock: mm:ss left, the warning colour in the last 30
 * seconds, then "Time is up" with the overtime counting up. A timer role, so screen readers do not
 * read every second aloud.
 */
export function FloorTimer({ holder, offsetMs, className }: FloorTimerProps) {
  const { t } = useTranslation();
  const view = timerView(holder, useNow(), offsetMs);
  const over = view.phase === "over";
  return (
    <span
      className={`floor-timer floor-timer--${view.phase}${className ? ` ${className}` : ""}`}
      role="timer"
      aria-label={over ? `${t("floor.timer.overLabel")} ${view.clock}` : `${t("floor.timer.label")} ${view.clock}`}
      data-testid="floor-timer"
      data-phase={view.phase}
      data-seconds-left={view.secondsLeft}
    >
      {over && <span className="floor-timer__over">{t("floor.timer.timeUp")}</span>}
      <bdi dir="ltr" className="floor-timer__clock">
        {over ? `+${view.clock}` : view.clock}
      </bdi>
    </span>
  );
}
