import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import type { FloorPlayer } from "./floor-player.ts";
import { usePlayback } from "./usePlayback.ts";

const SILENT = { level: 0, firstAudioMs: undefined, audible: false };
const noPlayer = { subscribe: () => () => undefined, getSnapshot: () => SILENT };

/**
 * The floor's level meter, so listeners can tell whether the room is audible. The room's
 * {@link FloorPlayer} plays and meters the floor from the moment it arrives; this only shows it.
 * The meter measures the incoming track, so it says when the browser blocks playback or the
 * listener muted it: a level alone would claim "Audible" while nothing plays.
 */
export function FloorAudio({ player, muted = false }: { player: FloorPlayer | undefined; muted?: boolean }) {
  const { t } = useTranslation();
  const { canPlay } = usePlayback();
  const source = player ?? noPlayer;
  const level = useSyncExternalStore(source.subscribe, source.getSnapshot);
  const override = !canPlay ? "blocked" : muted ? "muted" : undefined;
  return (
    <div className="floor-audio">
      <LevelMeter label={t("session.floorAudio")} testId="floor-audio-level" {...level} override={override && t(`level.${override}`)} />
    </div>
  );
}
