import { FLOOR, type TBoothsState } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { formatList } from "../../i18n/format.ts";
import { languageName } from "../../lib/languages.ts";
import { relayMap } from "./booth.ts";

/** Who takes from whom across the booths, and each booth's audience. */
export function RelayMap({ state, language }: { state: TBoothsState; language: string }) {
  const { t, i18n } = useTranslation();
  const name = (channel: string) => (channel === FLOOR ? t("interpretation.listen.floor") : languageName(channel, i18n.language));
  return (
    <section className="booth-panel relay-map" aria-labelledby="relay-map-title">
      <h2 id="relay-map-title">{t("interpretation.booth.relayMapTitle")}</h2>
      <ul data-testid="relay-map">
        {relayMap(state).map((line) => (
          <li key={line.language} className={line.language === language ? "relay-map__mine" : undefined}>
            <span className="relay-map__booth">{name(line.language)}</span>
            <span className="relay-map__from">{t("interpretation.booth.takesFrom", { sources: formatList(line.sources.map(name), i18n.language) })}</span>
            <span className={`channel-option__status channel-option__status--${line.status}`}>{t(`interpretation.status.${line.status}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
