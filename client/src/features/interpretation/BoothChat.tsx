import type { TBoothChatMessage } from "@plenary/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale } from "../../i18n/format.ts";

/** Props for {@link BoothChat}. */
export interface BoothChatProps {
  messages: readonly TBoothChatMessage[];
  myUserId: string;
  onSend(text: string): Promise<boolean>;
}

/** A quiet text line to the booth partner (numbers, names, "next speaker reads fast"). */
export function BoothChat({ messages, myUserId, onSend }: BoothChatProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: "2-digit", minute: "2-digit" });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    if (await onSend(text.trim())) setText("");
    setSending(false);
  };
  return (
    <section className="booth-panel booth-chat" aria-labelledby="booth-chat-title">
      <h2 id="booth-chat-title">{t("interpretation.booth.chatTitle")}</h2>
      <ol className="booth-chat__log" aria-live="polite" data-testid="booth-chat-log">
        {messages.length === 0 && <li className="booth-chat__empty">{t("interpretation.booth.chatEmpty")}</li>}
        {messages.map((m) => (
          <li key={`${m.at}:${m.fromUserId}`} className={m.fromUserId === myUserId ? "booth-chat__mine" : undefined}>
            <span className="booth-chat__meta">
              <bdi>{m.fromUserId === myUserId ? t("interpretation.booth.chatMe") : m.fromName}</bdi> · <time dateTime={m.at}>{time.format(new Date(m.at))}</time>
            </span>
            <bdi className="booth-chat__text">{m.text}</bdi>
          </li>
        ))}
      </ol>
      <form className="booth-chat__form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId} className="visually-hidden">
          {t("interpretation.booth.chatLabel")}
        </label>
        <input id={inputId} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} autoComplete="off" data-testid="booth-chat-input" />
        <button type="submit" className="button button--secondary" disabled={sending || !text.trim()}>
          {t("interpretation.booth.chatSend")}
        </button>
      </form>
    </section>
  );
}
