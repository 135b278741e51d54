import { ZLanguage, type TLanguage } from "@plenary/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../ui/Field.tsx";
import { LanguageSelect } from "../../ui/LanguageSelect.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { SubmitButton } from "../../ui/SubmitButton.tsx";
import { primeFloorCue } from "./floor-cue.ts";
import type { FloorAck, FloorErrorCode } from "./floor-follower.ts";
import { floorErrorKey } from "./floor-format.ts";

const TOPIC_MAX = 200;

/** Props for {@link RequestFloorForm}. */
export interface RequestFloorFormProps {
  /** The session's languages: a speaker speaks one of them, or the booths cannot follow. */
  languages: readonly TLanguage[];
  defaultLanguage: TLanguage;
  onRequest(language: TLanguage, topic: string | undefined): Promise<FloorAck<unknown>>;
}

/** Raising a hand: the language one will speak (one of the session's) and an optional topic for the chair. */
export function RequestFloorForm({ languages, defaultLanguage, onRequest }: RequestFloorFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState<TLanguage>(defaultLanguage);
  const [topic, setTopic] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FloorErrorCode>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    // The click is a user gesture: it lets the "you have the floor" cue sound later.
    primeFloorCue();
    setPending(true);
    setError(undefined);
    const ack = await onRequest(language, topic.trim() || undefined);
    setPending(false);
    if ("error" in ack) setError(ack.error.code);
  };

  return (
    <form className="floor-request" onSubmit={(e) => void submit(e)} noValidate>
      <div className="floor-request__fields">
        <div className="field">
          <label htmlFor={`${id}-language`} className="field__label">
            {t("floor.request.language")}
          </label>
          <LanguageSelect
            id={`${id}-language`}
            languages={languages}
            value={language}
            onChange={(value) => setLanguage(ZLanguage.parse(value))}
            data-testid="floor-language"
          />
        </div>
        <Field id={`${id}-topic`} label={t("floor.request.topic")} hint={t("floor.request.topicHint")}>
          {(control) => <input {...control} type="text" dir="auto" value={topic} maxLength={TOPIC_MAX} onChange={(e) => setTopic(e.target.value)} data-testid="floor-topic" />}
        </Field>
      </div>
      {error && <Notice tone="error">{t(floorErrorKey(error, "request"))}</Notice>}
      <SubmitButton pending={pending} label={t("floor.request.submit")} pendingLabel={t("floor.request.sending")} data-testid="floor-request-button" />
    </form>
  );
}
