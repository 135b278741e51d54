import { UNDETERMINED_LANGUAGE, type TQuestion } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { languageLabel } from "../../lib/languages.ts";

/**
 * A question's own text: plain React text (escaped, never parsed as HTML), its direction taken
 * from its first strong character so Arabic in an English page (and the reverse) reads right.
 */
export function QuestionText({ question, className = "qa-question__text" }: { question: Pick<TQuestion, "text" | "language">; className?: string }) {
  const lang = question.language === UNDETERMINED_LANGUAGE ? undefined : question.language;
  return (
    <p className={className} dir="auto" lang={lang}>
      {question.text}
    </p>
  );
}

/** The language a question is tagged with, named in the interface language. */
export function LanguageTag({ language }: { language: string }) {
  const { t, i18n } = useTranslation();
  return <span className="qa-tag">{language === UNDETERMINED_LANGUAGE ? t("qa.languageUnknown") : languageLabel(language, i18n.language)}</span>;
}
