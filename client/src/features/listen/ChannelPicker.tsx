import { FLOOR, type TChannel, type TInterpretationState } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { languageAutonym } from "../../lib/languages.ts";

/** Props for {@link ChannelPicker}. */
export interface ChannelPickerProps {
  state: TInterpretationState;
  channel: TChannel;
  onSelect(channel: TChannel): void;
}

/**
 * The floor and every offered language, each language written in its own name (a listener looks
 * for their language, whatever the interface language), with what the channel is doing now.
 */
export function ChannelPicker({ state, channel, onSelect }: ChannelPickerProps) {
  const { t } = useTranslation();
  const options: { value: TChannel; label: string; lang?: string; status?: string }[] = [
    { value: FLOOR, label: t("listen.floor") },
    ...state.channels.map((c) => ({ value: c.channel, label: languageAutonym(c.channel), lang: c.channel, status: t(`listen.channelStatus.${c.status}`) })),
  ];
  return (
    <fieldset className="channel-picker" data-testid="channel-picker">
      <legend className="channel-picker__legend">{t("listen.channel")}</legend>
      {options.map((option) => (
        <label key={option.value} className="channel-picker__option" data-channel={option.value}>
          <input type="radio" name="listen-channel" value={option.value} checked={channel === option.value} onChange={() => onSelect(option.value)} />
          <span className="channel-picker__name" lang={option.lang}>
            {option.label}
          </span>
          {option.status && <span className="channel-picker__status">{option.status}</span>}
        </label>
      ))}
    </fieldset>
  );
}
