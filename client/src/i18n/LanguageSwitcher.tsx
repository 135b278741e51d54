import { UI_LANGUAGES } from "@plenary/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../features/auth/useAuth.ts";
import { updateProfile } from "../features/profile/api.ts";
import { languageAutonym } from "../lib/languages.ts";
import { isUiLanguage, switchLanguage, type UiLanguage } from "./index.ts";

/**
 * The interface language, as a compact select of the six UN languages. Each is written in its own
 * script ("Français", "中文") so it can be found whatever the current language; a signed-in user's
 * profile remembers the choice too.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { me, setMe } = useAuth();
  const id = useId();

  const choose = async (lang: UiLanguage) => {
    try {
      await switchLanguage(lang);
    } catch {
      return; // The translation could not be fetched (offline): the interface stays as it is.
    }
    if (me && me.preferredLanguage !== lang) {
      updateProfile({ preferredLanguage: lang }).then(setMe, () => undefined);
    }
  };

  return (
    <div className="language-switcher">
      <svg className="language-switcher__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </svg>
      <label htmlFor={id} className="visually-hidden">
        {t("header.language")}
      </label>
      <select
        id={id}
        className="language-switcher__select"
        lang={i18n.resolvedLanguage}
        value={i18n.resolvedLanguage}
        onChange={(e) => isUiLanguage(e.target.value) && void choose(e.target.value)}
      >
        {UI_LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageAutonym(lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
