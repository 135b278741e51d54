import { useTranslation } from "react-i18next";
import { AUDIBLE_LEVEL, meterFraction } from "../lib/audio-level.ts";
import type { AudioLevel } from "../lib/audio-level.ts";

/** Props for {@link LevelMeter}. */
export interface LevelMeterProps extends AudioLevel {
  label: string;
  testId?: string;
  /** Why nothing is heard whatever the level (playback blocked, muted): said instead of audible/silent. */
  override?: string;
}

/**
 * A small horizontal level bar. `data-level` carries the raw RMS level (3 decimals) and
 * `data-first-audio-ms` the moment audio was first heard, for automated checks.
 */
export function LevelMeter({ label, level, firstAudioMs, audible, testId, override }: LevelMeterProps) {
  const { t } = useTranslation();
  const state = override ?? (audible ? t("level.audible") : t("level.silent"));
  return (
    <div className="level-meter">
      <span className="level-meter__label">{label}</span>
      <div
        className="level-meter__track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={Number(level.toFixed(3))}
        aria-valuetext={state}
        data-testid={testId}
        data-level={level.toFixed(3)}
        data-first-audio-ms={firstAudioMs}
        data-override={override ? "" : undefined}
      >
        <div className={level > AUDIBLE_LEVEL ? "level-meter__bar level-meter__bar--on" : "level-meter__bar"} style={{ inlineSize: `${meterFraction(level) * 100}%` }} />
      </div>
      <span className={`level-meter__state${override ? " level-meter__state--override" : ""}`} data-testid={testId && `${testId}-state`}>
        {state}
      </span>
    </div>
  );
}
