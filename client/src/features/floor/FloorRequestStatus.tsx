import type { TMyFloor } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import { Notice } from "../../ui/Notice.tsx";
import type { FloorErrorCode, FloorFollower } from "./floor-follower.ts";
import { floorErrorKey, placeText } from "./floor-format.ts";

/** Waiting in the list: one's place, what one will speak, and Withdraw. */
export function QueuedFloor({ follower, mine, position }: { follower: FloorFollower; mine: TMyFloor; position: number | undefined }) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FloorErrorCode>();
  const withdraw = async () => {
    setPending(true);
    const ack = await follower.withdraw();
    setPending(false);
    setError("error" in ack ? ack.error.code : undefined);
  };
  const place = placeText(t, position, i18n.language);
  return (
    <div className="floor-queued">
      <p className="floor-queued__position" data-testid="floor-position" data-position={position}>
        {place}
      </p>
      <p className="floor-queued__details">
        {t("floor.queuedIn", { language: languageName(mine.language, i18n.language) })}
        {mine.topic && (
          <>
            {" "}
            {t("floor.queuedTopic")} <bdi>{mine.topic}</bdi>
          </>
        )}
      </p>
      {error && <Notice tone="error">{t(floorErrorKey(error, "withdraw"))}</Notice>}
      <button type="button" className="button button--secondary" onClick={() => void withdraw()} disabled={pending} data-testid="floor-withdraw">
        {t("floor.withdraw")}
      </button>
    </div>
  );
}

/** How one's last request ended, when that is news: declined (with the chair's reason) or ended by someone else. */
export function LastOutcome({ mine }: { mine: TMyFloor | null }) {
  const { t } = useTranslation();
  if (mine?.status === "DECLINED") {
    return (
      <Notice tone="warning" title={t("floor.declined.title")} testId="floor-declined">
        {mine.declineReason && (
          <p>
            {t("floor.declined.reason")} <bdi>{mine.declineReason}</bdi>
          </p>
        )}
        <p>{t("floor.declined.askAgain")}</p>
      </Notice>
    );
  }
  if (mine?.status === "ENDED" && mine.endReason) return <Notice tone="info" testId="floor-ended">{t(`floor.ended.${mine.endReason}`)}</Notice>;
  return null;
}
