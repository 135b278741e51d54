import { UI_LANGUAGES } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { useAuth } from "../features/auth/useAuth.ts";
import { updateProfile } from "../features/profile/api.ts";
import { languageName } from "../lib/languages.ts";
import { switchLanguage, type UiLanguage } from "./index.ts";

/**
 * English / العربية toggle. Each name is written in its own language so it can be found whatever
 * the current language; a signed-in user's profile remembers the choice too.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { me, setMe } = useAuth();

  const choose = async (lang: UiLanguage) => {
    await switchLanguage(lang);
    if (me && me.preferredLanguage !== lang) {
      updateProfile({ preferredLanguage: lang }).then(setMe, () => undefined);
    }
  };

  return (
    <div className="language-switcher" role="group" aria-label={t("header.language")}>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switcher__option"
          aria-pressed={i18n.resolvedLanguage === lang}
          onClick={() => void choose(lang)}
        >
          {languageName(lang, lang)}
        </button>
      ))}
    </div>
  );
}
