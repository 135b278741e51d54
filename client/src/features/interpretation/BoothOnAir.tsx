import { useTranslation } from "react-i18next";
import { formatList } from "../../i18n/format.ts";
import type { BoothView } from "./booth.ts";

/** Props for {@link BoothOnAir}. */
export interface BoothOnAirProps {
  view: BoothView;
  /** The microphone really sends now (what listeners hear). */
  sending: boolean;
  busy: boolean;
  onAction(action: "take" | "offer" | "accept" | "release" | "mic-on" | "mic-off"): void;
  onCough(held: boolean): void;
}

/**
 * The on-air light and the interpreter's hands: microphone, cough (held), and the handover with
 * the partner. Large buttons; every one works from the keyboard, the cough while Space or Enter is held.
 */
export function BoothOnAir({ view, sending, busy, onAction, onCough }: BoothOnAirProps) {
  const { t } = useTranslation();
  const micOpen = Boolean(view.me?.micOpen);
  const partnerLive = Boolean(view.partnerOnAir?.present && view.partnerOnAir.micOpen);
  const hold = (held: boolean) => () => onCough(held);
  return (
    <section className="booth-panel booth-onair" aria-labelledby="booth-onair-title">
      <h2 id="booth-onair-title" className="visually-hidden">
        {t("interpretation.booth.onAirTitle")}
      </h2>
      <p className={`onair-light${sending ? " onair-light--on" : ""}`} role="status" data-testid="onair-light" data-on={sending}>
        {sending ? t("interpretation.booth.onAir") : view.onAir ? t("interpretation.booth.onAirMuted") : t("interpretation.booth.offAir")}
      </p>
      <div className="booth-actions">
        <button
          type="button"
          className={`button booth-button ${micOpen ? "button--live" : "button--secondary"}`}
          aria-pressed={micOpen}
          disabled={busy}
          onClick={() => onAction(micOpen ? "mic-off" : "mic-on")}
          data-testid="booth-mic"
        >
          {micOpen ? t("interpretation.booth.micOn") : t("interpretation.booth.micOff")}
        </button>
        <button
          type="button"
          className="button button--secondary booth-button booth-cough"
          disabled={!view.onAir}
          onPointerDown={hold(true)}
          onPointerUp={hold(false)}
          onPointerLeave={hold(false)}
          onKeyDown={(e) => {
            if ((e.key === " " || e.key === "Enter") && !e.repeat) {
              e.preventDefault();
              onCough(true);
            }
          }}
          onKeyUp={(e) => (e.key === " " || e.key === "Enter") && onCough(false)}
          onBlur={hold(false)}
          data-testid="booth-cough"
        >
          {view.me?.coughing ? t("interpretation.booth.coughing") : t("interpretation.booth.cough")}
        </button>
      </div>
      <div className="booth-actions">
        {!view.onAir && !view.offeredToMe && (
          <button type="button" className="button button--primary booth-button" disabled={busy || partnerLive} onClick={() => onAction("take")} data-testid="booth-take">
            {t("interpretation.booth.take")}
          </button>
        )}
        {view.offeredToMe && (
          <button type="button" className="button button--live booth-button" disabled={busy} onClick={() => onAction("accept")} data-testid="booth-accept">
            {t("interpretation.booth.accept")}
          </button>
        )}
        {view.onAir && (
          <>
            <button
              type="button"
              className="button button--secondary booth-button"
              disabled={busy || view.offeredByMe || !view.partners.some((p) => p.present)}
              onClick={() => onAction("offer")}
              data-testid="booth-offer"
            >
              {view.offeredByMe ? t("interpretation.booth.offered") : t("interpretation.booth.offer")}
            </button>
            <button type="button" className="button button--quiet booth-button" disabled={busy} onClick={() => onAction("release")} data-testid="booth-release">
              {t("interpretation.booth.release")}
            </button>
          </>
        )}
      </div>
      {partnerLive && !view.offeredToMe && <p className="field__hint">{t("interpretation.booth.partnerOnAirHint")}</p>}
      <Partners view={view} />
    </section>
  );
}

function Partners({ view }: { view: BoothView }) {
  const { t, i18n } = useTranslation();
  if (view.partners.length === 0) return <p className="booth-partners__none">{t("interpretation.booth.noPartner")}</p>;
  return (
    <ul className="booth-partners" aria-label={t("interpretation.booth.partners")}>
      {view.partners.map((p) => (
        <li key={p.userId} className="booth-partner" data-testid="booth-partner" data-present={p.present}>
          <span className={`presence-dot${p.present ? " presence-dot--on" : ""}`} aria-hidden="true" />
          <bdi>{p.displayName}</bdi>
          <span className="booth-partner__state">
            {formatList(
              [
                p.present ? t("interpretation.booth.present") : t("interpretation.booth.away"),
                view.booth.onAirUserId === p.userId ? t("interpretation.booth.partnerOnAir") : undefined,
                p.micOpen ? t("interpretation.booth.partnerMicOpen") : undefined,
                view.booth.offerToUserId === p.userId ? t("interpretation.booth.offerPending") : undefined,
              ].filter((state) => state !== undefined),
              i18n.language,
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
