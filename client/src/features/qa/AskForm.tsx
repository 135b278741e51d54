import type { TQaMode, TQuestion } from "@plenary/shared";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { charsLeft, newClientId, qaErrorKey, type QaErrorCode } from "./qa-format.ts";
import type { QaSend } from "./useQaFollower.ts";
import { SubmitButton } from "../../ui/SubmitButton.tsx";

/** Props for {@link AskForm}. */
export interface AskFormProps {
  sessionId: string;
  mode: TQaMode;
  send: QaSend;
  /** The stored question, from the ack: shown among the asker's own at once (and announced by the panel). */
  onAsked(question: TQuestion): void;
}

/**
 * Asking a question: text in any language, optionally anonymous, with the language detected by
 * the server unless the asker picks it. One client id per draft, kept until the ask succeeds, so
 * pressing Send again after a network failure can never create a second question.
 */
export function AskForm({ sessionId, mode, send, onAsked }: AskFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [language, setLanguage] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<QaErrorCode>();
  const [sent, setSent] = useState<"review" | "published">();
  const draftId = useRef(newClientId());
  const field = useRef<HTMLTextAreaElement>(null);
  const left = charsLeft(text);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || left < 0 || text.trim() === "") return;
    setPending(true);
    setError(undefined);
    setSent(undefined);
    const ack = await send("qa:ask", { sessionId, clientId: draftId.current, text, anonymous, ...(language ? { language } : {}) });
    setPending(false);
    // The button was disabled while sending, which drops the focus: give it back to the field.
    field.current?.focus();
    if ("error" in ack) return setError(ack.error.code);
    draftId.current = newClientId();
    setText("");
    setSent(ack.data.question.status === "PENDING" ? "review" : "published");
    onAsked(ack.data.question);
  };

  return (
    <form className="qa-ask" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="qa-ask-text" className="field__label">
        {t("qa.ask.label")}
      </label>
      <textarea
        id="qa-ask-text"
        ref={field}
        className="qa-ask__text"
        dir="auto"
        rows={3}
        value={text}
        placeholder={t("qa.ask.placeholder")}
        aria-describedby="qa-ask-left"
        aria-invalid={left < 0 || undefined}
        onChange={(e) => setText(e.target.value)}
        data-testid="qa-ask-text"
      />
      <p id="qa-ask-left" className={`qa-ask__left${left < 0 ? " qa-ask__left--over" : ""}`} aria-live="polite">
        {left < 0 ? t("qa.ask.tooLong", { count: -left }) : t("qa.ask.charsLeft", { count: left })}
      </p>
      <div className="qa-ask__options">
        <label className="qa-ask__check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="qa-ask-anonymous" />
          <span>
            {t("qa.ask.anonymous")}
            <span className="field__hint">{t("qa.ask.anonymousHint")}</span>
          </span>
        </label>
        <span className="qa-ask__language">
          <label htmlFor="qa-ask-language">{t("qa.ask.language")}</label>
          <LanguageSelect id="qa-ask-language" value={language} onChange={setLanguage} firstOption={{ value: "", label: t("qa.ask.languageAuto") }} data-testid="qa-ask-language" />
        </span>
        <SubmitButton pending={pending} disabled={left < 0 || text.trim() === ""} label={t("qa.ask.submit")} pendingLabel={t("qa.ask.sending")} data-testid="qa-ask-submit" />
      </div>
      {error && <Notice tone="error">{t(qaErrorKey(error, "ask"))}</Notice>}
      {/* Not a live region: the panel announces the outcome once (see QaContent). */}
      {sent && !error && (
        <p className="notice notice--success" data-testid="qa-ask-sent">
          {t(sent === "review" ? "qa.ask.sentForReview" : "qa.ask.published")}
        </p>
      )}
      {mode === "MODERATED" && !sent && <p className="field__hint">{t("qa.modeHint.MODERATED")}</p>}
    </form>
  );
}
