import type { TFloorHolder } from "@plenary/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { HolderLine } from "./FloorHolders.tsx";

/** Props for {@link ChairHolder}. */
export interface ChairHolderProps {
  holder: TFloorHolder;
  offsetMs: number;
  onExtend(seconds: number): void;
  onMute(muted: boolean): void;
  onRevoke(): void;
  /** Resolves true once the message was delivered, so the field can be cleared. */
  onMessage(text: string): Promise<boolean>;
}

const MESSAGE_MAX = 300;

/** Someone holding the floor, as the chair sees them: the timer, Extend, Mute, Take the floor back, and a message. */
export function ChairHolder({ holder, offsetMs, onExtend, onMute, onRevoke, onMessage }: ChairHolderProps) {
  const { t } = useTranslation();
  const id = useId();
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState("");
  const name = holder.displayName;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === "") return;
    if (await onMessage(text.trim())) {
      setText("");
      setWriting(false);
    }
  };

  return (
    <li className="chair-holder" data-testid="floor-holder" data-user-id={holder.userId}>
      <div className="chair-holder__line">
        <HolderLine holder={holder} offsetMs={offsetMs} />
      </div>
      <div className="chair-holder__actions">
        <button type="button" className="button button--secondary button--small" aria-label={t("floor.chair.extend1Named", { name })} onClick={() => onExtend(60)} data-testid="floor-extend-60">
          {t("floor.chair.extend1")}
        </button>
        <button type="button" className="button button--secondary button--small" aria-label={t("floor.chair.extend3Named", { name })} onClick={() => onExtend(180)} data-testid="floor-extend-180">
          {t("floor.chair.extend3")}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={holder.muted ? t("floor.chair.unmuteNamed", { name }) : t("floor.chair.muteNamed", { name })}
          onClick={() => onMute(!holder.muted)}
          data-testid="floor-mute-holder"
        >
          {holder.muted ? t("floor.chair.unmute") : t("floor.chair.mute")}
        </button>
        <button type="button" className="button button--secondary button--small" aria-expanded={writing} aria-controls={`${id}-message`} onClick={() => setWriting(!writing)} data-testid="floor-message-open">
          {t("floor.chair.message")}
        </button>
        <button type="button" className="button button--live button--small" aria-label={t("floor.chair.revokeNamed", { name })} onClick={onRevoke} data-testid="floor-revoke">
          {t("floor.chair.revoke")}
        </button>
      </div>
      <form id={`${id}-message`} className="chair-holder__message" hidden={!writing} onSubmit={(e) => void send(e)}>
        <label htmlFor={`${id}-text`} className="field__label">
          {t("floor.chair.messageLabel", { name })}
        </label>
        <span className="chair-holder__message-row">
          <input id={`${id}-text`} type="text" dir="auto" maxLength={MESSAGE_MAX} value={text} onChange={(e) => setText(e.target.value)} data-testid="floor-message-text" />
          <button type="submit" className="button button--primary button--small" data-testid="floor-message-send">
            {t("floor.chair.messageSend")}
          </button>
        </span>
      </form>
    </li>
  );
}
