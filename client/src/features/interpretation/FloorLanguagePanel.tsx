import { ZLanguage } from "@plenary/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/format.ts";
import { languageName } from "../../lib/languages.ts";
import { Notice } from "../../ui/Notice.tsx";
import { useInterpretation } from "./useInterpretation.ts";

/**
 * For the chair and the stage operator: the floor language (whose listeners then hear the floor
 * itself) and the booths' slow-down signals, shown the moment they arrive.
 */
export function FloorLanguagePanel({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const { follower, view } = useInterpretation(sessionId);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (!view.state || view.state.channels.length === 0) return null;

  const choose = async (value: string) => {
    if (!follower) return;
    const parsed = ZLanguage.safeParse(value);
    setBusy(true);
    const ack = await follower.send("interpretation:set-floor-language", { sessionId, language: parsed.success ? parsed.data : null });
    setBusy(false);
    setFailed("error" in ack);
  };
  const [latest, ...earlier] = view.slowDowns;

  return (
    <section className="floor-language" aria-labelledby={`${selectId}-title`} data-testid="floor-language-panel">
      <h2 id={`${selectId}-title`} className="floor-language__title">
        {t("interpretation.chair.title")}
      </h2>
      <div className="field floor-language__field">
        <label htmlFor={selectId}>{t("interpretation.chair.floorLanguage")}</label>
        <select id={selectId} value={view.state.floorLanguage ?? ""} disabled={busy} onChange={(e) => void choose(e.target.value)} data-testid="floor-language">
          <option value="">{t("interpretation.chair.notSet")}</option>
          {view.state.channels.map((c) => (
            <option key={c.channel} value={c.channel}>
              {languageName(c.channel, i18n.language)}
            </option>
          ))}
        </select>
        <p className="field__hint">{t("interpretation.chair.floorLanguageHint")}</p>
      </div>
      {failed && <Notice tone="error">{t("interpretation.chair.setFailed")}</Notice>}
      <div role="alert" data-testid="slow-down-alert">
        {latest && (
          <p className="slow-down slow-down--latest">
            {t("interpretation.chair.slowDown", { language: languageName(latest.language, i18n.language) })}
            <span className="slow-down__from">
              <bdi>{latest.fromName}</bdi> · <time dateTime={latest.at}>{time.format(new Date(latest.at))}</time>
            </span>
          </p>
        )}
      </div>
      {earlier.length > 0 && (
        <ul className="slow-down__earlier" aria-label={t("interpretation.chair.earlierSignals")}>
          {earlier.map((s) => (
            <li key={`${s.at}:${s.language}`}>
              {t("interpretation.chair.slowDown", { language: languageName(s.language, i18n.language) })} · <bdi>{s.fromName}</bdi> ·{" "}
              <time dateTime={s.at}>{time.format(new Date(s.at))}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
