import type { TSession } from "@plenary/shared";
import type { Room } from "livekit-client";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { floorErrorKey, floorLanguages, preferredFloorLanguage } from "./floor-format.ts";
import { FloorAnnouncer } from "./FloorAnnouncer.tsx";
import { FloorHolders } from "./FloorHolders.tsx";
import { FloorMessages } from "./FloorMessages.tsx";
import { LastOutcome, QueuedFloor } from "./FloorRequestStatus.tsx";
import { GrantedFloor } from "./GrantedFloor.tsx";
import { RequestFloorForm } from "./RequestFloorForm.tsx";
import { queuePosition } from "./speakers-list.ts";
import { useFloor } from "./useFloor.ts";

/** Props for {@link FloorPanel}. */
export interface FloorPanelProps {
  session: TSession;
  /** The room the page joined; going live needs it, asking for the floor does not. */
  room: Room | undefined;
}

/**
 * The participant's side of the speakers' list on the session page: who is speaking now, asking
 * for the floor, one's place in the list, and, once given the floor, going live.
 */
export function FloorPanel({ session, room }: FloorPanelProps) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const titleId = useId();
  const { follower, view } = useFloor(session.id);
  const holders = view.state?.holders ?? [];
  const mine = view.mine;
  const position = queuePosition(view.state, mine);
  const myHolder = mine ? holders.find((h) => h.requestId === mine.requestId) : undefined;
  const languages = floorLanguages(session.languages);

  let body;
  if (!view.synced || !follower) body = <Loading />;
  else if (!view.state) body = <Notice tone="info">{t(floorErrorKey(view.problem ?? "NETWORK", "sync"))}</Notice>;
  else if (mine?.status === "GRANTED") body = <GrantedFloor key={mine.requestId} follower={follower} holder={myHolder} room={room} offsetMs={view.offsetMs} />;
  else if (mine?.status === "QUEUED") body = <QueuedFloor follower={follower} mine={mine} position={position} />;
  else {
    body = (
      <>
        <LastOutcome mine={mine} />
        <RequestFloorForm
          languages={languages}
          defaultLanguage={preferredFloorLanguage(languages, { interfaceLanguage: i18n.language, preferredLanguage: me?.preferredLanguage })}
          onRequest={(language, topic) => follower.request(language, topic)}
        />
      </>
    );
  }

  return (
    <section className="floor-panel" aria-labelledby={titleId} data-testid="floor-panel">
      <h2 id={titleId}>{t("floor.chair.title")}</h2>
      <FloorHolders holders={holders} offsetMs={view.offsetMs} />
      <FloorAnnouncer own={{ status: mine?.status, endReason: mine?.endReason, position, muted: myHolder?.muted }} />
      {!view.connected && view.state && <Notice tone="warning">{t("connection.reconnecting")}</Notice>}
      {body}
      <FloorMessages messages={view.messages} />
    </section>
  );
}
