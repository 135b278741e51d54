import { FLOOR, type TChannel, type TChannelState, type TChannelStatus } from "@plenary/shared";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { languageAutonym } from "../../lib/languages.ts";
import { ScrollRow } from "../../ui/ScrollRow.tsx";

/** Props for {@link ChannelPicker}. */
export interface ChannelPickerProps {
  channels: readonly TChannelState[];
  channel: TChannel;
  floorLevel: number;
  /** Whether the floor plays under an interpreter now, so its level applies (the slider is disabled otherwise). */
  underInterpreter: boolean;
  busy: boolean;
  onChannel(channel: TChannel): void;
  onFloorLevel(level: number): void;
}

/**
 * The listener's channel choice: the floor and every offered language, each by its own name (a
 * speaker of it finds it in any interface language), with whether it is live, paused or the floor
 * now; under an interpreter, how loud the floor is. Native radios and a range: keyboard-usable as is.
 * On a phone the channels are one row that scrolls sideways, with a fade and an arrow at each end
 * that hides some, so the player stays compact and the row plainly has more.
 */
export function ChannelPicker({ channels, channel, floorLevel, underInterpreter, busy, onChannel, onFloorLevel }: ChannelPickerProps) {
  const { t } = useTranslation();
  const levelId = useId();
  const row = useRef<HTMLDivElement>(null);
  const options: { channel: TChannel; status: TChannelStatus }[] = [{ channel: FLOOR, status: "floor" }, ...channels];
  return (
    <div className="channel-picker" data-testid="channel-picker">
      <fieldset className="channel-picker__channels" aria-busy={busy}>
        <legend className="channel-picker__legend">{t("interpretation.listen.legend")}</legend>
        <ScrollRow row={row} className="channel-picker__scroller" testId="channel-row">
          <div ref={row} className="channel-picker__options">
            {options.map((option) => (
              <label key={option.channel} className="channel-option" data-channel={option.channel} data-status={option.status} data-testid={`channel-${option.channel}`}>
                <input type="radio" name="interpretation-channel" value={option.channel} checked={channel === option.channel} onChange={() => onChannel(option.channel)} />
                <span className="channel-option__name" lang={option.channel === FLOOR ? undefined : option.channel}>
                  {option.channel === FLOOR ? t("interpretation.listen.floor") : languageAutonym(option.channel)}
                </span>
                {option.channel !== FLOOR && <span className={`channel-option__status channel-option__status--${option.status}`}>{t(`interpretation.status.${option.status}`)}</span>}
              </label>
            ))}
          </div>
        </ScrollRow>
      </fieldset>
      {channel !== FLOOR && (
        <div className="channel-picker__level">
          <label htmlFor={levelId}>{t("interpretation.listen.floorLevel")}</label>
          <input
            id={levelId}
            type="range"
            min={0}
            max={100}
            step={5}
            value={floorLevel}
            disabled={!underInterpreter}
            aria-valuetext={t("interpretation.listen.percent", { value: floorLevel })}
            onChange={(e) => onFloorLevel(Number(e.target.value))}
            data-testid="floor-level"
          />
          <output htmlFor={levelId}>{t("interpretation.listen.percent", { value: floorLevel })}</output>
        </div>
      )}
    </div>
  );
}
