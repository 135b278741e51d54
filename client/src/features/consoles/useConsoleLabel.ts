import { useTranslation } from "react-i18next";
import { languageName } from "../../lib/languages.ts";
import type { StaffConsole } from "./consoles.ts";

/** The name of each console as its own page titles it; a booth names its language. */
export function useConsoleLabel(): (console: StaffConsole) => string {
  const { t, i18n } = useTranslation();
  return ({ kind, language }) => {
    switch (kind) {
      case "moderate":
        return t("qa.console.title");
      case "stage":
        return t("stage.title");
      case "booth":
        return language ? t("interpretation.booth.titleFor", { language: languageName(language, i18n.language) }) : t("interpretation.booth.title");
      case "speak":
        return t("speaker.title");
      case "edit":
        return t("consoles.edit");
    }
  };
}
