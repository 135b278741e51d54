import type { TFloorHolder } from "@plenary/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import { releaseInSeconds } from "./floor-timer.ts";
import { FloorTimer } from "./FloorTimer.tsx";
import { useNow } from "./useNow.ts";

/** Props for {@link FloorHolders}. */
export interface FloorHoldersProps {
  holders: readonly TFloorHolder[];
  offsetMs: number;
  /** "presenter" sets it large for the venue screen. */
  variant?: "panel" | "presenter";
}

/** "Speaking now: name (language) mm:ss" for everyone who holds the floor; nothing when nobody does. */
export function FloorHolders({ holders, offsetMs, variant = "panel" }: FloorHoldersProps) {
  const { t } = useTranslation();
  const titleId = useId();
  if (holders.length === 0) return null;
  return (
    <section className={`floor-holders floor-holders--${variant}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="floor-holders__title">
        {t("floor.speakingNow")}
      </h3>
      <ul className="floor-holders__list">
        {holders.map((holder) => (
          <li key={holder.requestId} className="floor-holder" data-testid="floor-holder" data-user-id={holder.userId}>
            <HolderLine holder={holder} offsetMs={offsetMs} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One holder: name, language, timer, and whether the chair muted them or they dropped out. */
export function HolderLine({ holder, offsetMs }: { holder: TFloorHolder; offsetMs: number }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className="floor-holder__who">
        <bdi className="floor-holder__name">{holder.displayName}</bdi>{" "}
        <span className="floor-holder__language">{t("floor.holderLanguage", { language: languageName(holder.language, i18n.language) })}</span>
      </span>
      <FloorTimer holder={holder} offsetMs={offsetMs} />
      {holder.muted && <span className="badge badge--muted">{t("floor.holder.muted")}</span>}
      {holder.disconnectedAt && <ReleaseCountdown holder={holder} offsetMs={offsetMs} />}
    </>
  );
}

/** "Disconnected — the floor will be released in N s", counted on the server's clock. */
export function ReleaseCountdown({ holder, offsetMs }: { holder: TFloorHolder; offsetMs: number }) {
  const { t } = useTranslation();
  const seconds = releaseInSeconds(holder, useNow(), offsetMs) ?? 0;
  return (
    <span className="floor-holder__dropped" data-testid="floor-holder-disconnected">
      {seconds > 0 ? t("floor.holder.disconnected", { seconds }) : t("floor.holder.releasing")}
    </span>
  );
}
