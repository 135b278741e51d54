import { type TrackReference, useSpeakingParticipants, useTracks, VideoTrack } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isFloorParticipant, pickFocus, trackKey } from "./floor.ts";

/**
 * The floor's video in a focus layout: the active speaker or a screen share large, the other
 * floor cameras as a strip beside it.
 */
export function FloorView() {
  const { t } = useTranslation();
  const tracks = useTracks([Track.Source.Camera, Track.Source.ScreenShare], { onlySubscribed: true }).filter(
    (ref) => !ref.participant.isLocal && isFloorParticipant(ref.participant),
  );
  const speaking = useSpeakingParticipants().map((p) => p.identity);
  // The focus sticks to the last one chosen until another speaker takes over (React's "adjust state
  // while rendering" pattern: the re-render happens before anything is painted).
  const [previous, setPrevious] = useState<string | undefined>(undefined);
  const focus = pickFocus(tracks, speaking, previous);
  const focusKey = focus ? trackKey(focus) : undefined;
  if (focusKey !== previous) setPrevious(focusKey);
  const others = tracks.filter((ref) => ref !== focus);

  return (
    <div className="floor-view">
      <figure className="floor-view__focus">
        {focus ? (
          <>
            <VideoTrack trackRef={focus} className="floor-view__video" data-testid="floor-video" />
            <figcaption className="floor-view__caption">
              <bdi>{captionFor(focus, t("session.screenShareOf", { name: focus.participant.name }))}</bdi>
            </figcaption>
          </>
        ) : (
          <div className="floor-view__empty">
            <p>{t("session.waitingForVideo")}</p>
          </div>
        )}
      </figure>
      {others.length > 0 && (
        <ul className="floor-view__strip" aria-label={t("session.otherVideos")}>
          {others.map((ref) => (
            <li key={trackKey(ref)}>
              <VideoTrack trackRef={ref} className="floor-view__thumb" />
              <bdi className="floor-view__thumb-name">{ref.participant.name || ref.participant.identity}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const captionFor = (ref: TrackReference, screenShareLabel: string): string =>
  ref.source === Track.Source.ScreenShare ? screenShareLabel : ref.participant.name || ref.participant.identity;
