import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { placeText } from "./floor-format.ts";
import { floorAnnouncement, type FloorAnnouncement, type OwnFloor } from "./speakers-list.ts";

const same = (a: OwnFloor, b: OwnFloor) => a.status === b.status && a.endReason === b.endReason && a.position === b.position && a.muted === b.muted;

/**
 * A polite live region saying what changed about one's own request: given the floor, a new place
 * near the top of the list, the chair's decisions. Silent otherwise (see {@link floorAnnouncement}).
 */
export function FloorAnnouncer({ own }: { own: OwnFloor }) {
  const { t, i18n } = useTranslation();
  const [previous, setPrevious] = useState<OwnFloor>({});
  const [said, setSaid] = useState<FloorAnnouncement>();
  // React's "adjust state while rendering": compare with what was last seen, before painting.
  if (!same(previous, own)) {
    setPrevious(own);
    const next = floorAnnouncement(previous, own);
    if (next) setSaid(next);
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="floor-announcer">
      {said && announcementText(t, said, i18n.language)}
    </p>
  );
}

function announcementText(t: TFunction, a: FloorAnnouncement, language: string): string {
  switch (a.kind) {
    case "queued":
    case "moved":
      return placeText(t, a.position, language);
    case "next":
      return t("floor.positionNext");
    case "granted":
      return t("floor.announce.granted");
    case "declined":
      return t("floor.announce.declined");
    case "taken-back":
      return t("floor.announce.taken-back");
    case "time-up":
      return t("floor.announce.time-up");
    case "muted":
      return t("floor.announce.muted");
    case "unmuted":
      return t("floor.announce.unmuted");
  }
}
