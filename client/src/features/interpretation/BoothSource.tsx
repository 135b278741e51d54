import { FLOOR, type TChannel, type TLanguage } from "@plenary/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { Notice } from "../../ui/Notice.tsx";

/** Props for {@link BoothSource}. */
export interface BoothSourceProps {
  language: TLanguage;
  languages: readonly TLanguage[];
  relay: TChannel;
  /** The relay booth has nobody on air: the interpreter hears the floor. */
  fallback: boolean;
  /** The track heard now, for the meter. */
  track: MediaStreamTrack | undefined;
  volume: number;
  busy: boolean;
  onRelay(source: TChannel): void;
  onVolume(volume: number): void;
}

/** What the interpreter hears: the floor or another booth (relay), its volume and level. */
export function BoothSource({ language, languages, relay, fallback, track, volume, busy, onRelay, onVolume }: BoothSourceProps) {
  const { t, i18n } = useTranslation();
  const level = useAudioLevel(track);
  const sourceId = useId();
  const volumeId = useId();
  return (
    <section className="booth-panel booth-source" aria-labelledby="booth-source-title">
      <h2 id="booth-source-title">{t("interpretation.booth.sourceTitle")}</h2>
      <div className="field">
        <label htmlFor={sourceId}>{t("interpretation.booth.source")}</label>
        <select id={sourceId} value={relay} disabled={busy} onChange={(e) => onRelay(e.target.value as TChannel)} data-testid="booth-relay">
          <option value={FLOOR}>{t("interpretation.booth.sourceFloor")}</option>
          {languages
            .filter((l) => l !== language)
            .map((l) => (
              <option key={l} value={l}>
                {t("interpretation.booth.sourceRelay", { language: languageName(l, i18n.language) })}
              </option>
            ))}
        </select>
      </div>
      {fallback && (
        <Notice tone="warning" testId="relay-fallback">
          {t("interpretation.booth.relayFallback", { language: languageName(relay, i18n.language) })}
        </Notice>
      )}
      <div className="field">
        <label htmlFor={volumeId}>{t("interpretation.booth.volume")}</label>
        <input id={volumeId} type="range" min={0} max={100} step={5} value={volume} onChange={(e) => onVolume(Number(e.target.value))} aria-valuetext={t("interpretation.listen.percent", { value: volume })} data-testid="booth-source-volume" />
      </div>
      <LevelMeter label={t("interpretation.booth.sourceLevel")} testId="booth-source-level" {...level} />
    </section>
  );
}
