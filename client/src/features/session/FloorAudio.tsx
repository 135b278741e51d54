import { AudioTrack, useAudioPlayback, useLocalParticipant, useTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useTranslation } from "react-i18next";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { isFloorParticipant, isOwnVoice, pickFloorAudio } from "./floor.ts";

/**
 * Plays the floor (stage desk feed, speakers, moderator) and meters it so listeners can tell
 * whether the room is audible. Interpreter channels are left out: a listener hears one channel;
 * so is the listener's own voice from another of their views.
 * The meter measures the incoming track, so it says when the browser blocks playback or the
 * listener muted it: a level alone would claim "Audible" while nothing plays.
 */
export function FloorAudio({ muted = false }: { muted?: boolean }) {
  const { t } = useTranslation();
  const { canPlayAudio } = useAudioPlayback();
  const { localParticipant } = useLocalParticipant();
  const tracks = useTracks([Track.Source.Microphone, Track.Source.ScreenShareAudio], { onlySubscribed: true }).filter(
    (ref) => !ref.participant.isLocal && isFloorParticipant(ref.participant) && !isOwnVoice(localParticipant.identity, ref.participant),
  );
  const metered = pickFloorAudio(tracks);
  const level = useAudioLevel(metered?.publication.track?.mediaStreamTrack);
  const override = !canPlayAudio ? "blocked" : muted ? "muted" : undefined;

  return (
    <div className="floor-audio">
      {tracks.map((ref) => (
        <AudioTrack key={`${ref.participant.identity}:${ref.source}`} trackRef={ref} />
      ))}
      <LevelMeter label={t("session.floorAudio")} testId="floor-audio-level" {...level} override={override && t(`level.${override}`)} />
    </div>
  );
}
