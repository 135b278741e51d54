import { useTranslation } from "react-i18next";
import { useAuth } from "../features/auth/useAuth.ts";
import { languageAutonym } from "../lib/languages.ts";
import { switchLanguage } from "./index.ts";

/**
 * After signing in, offers the language the person's profile names when the page is in another:
 * switch with one click, or keep reading as they were. The names are in their own scripts, so the
 * offer can be found whichever language the person reads.
 */
export function LanguageOffer() {
  const { t, i18n } = useTranslation();
  const { languageOffer, dismissLanguageOffer } = useAuth();
  const current = i18n.resolvedLanguage;
  if (!languageOffer || !current || languageOffer === current) return null;

  const accept = async () => {
    await switchLanguage(languageOffer).catch(() => undefined);
    dismissLanguageOffer();
  };
  return (
    <div className="language-offer" role="status" data-testid="language-offer">
      <p className="language-offer__text">{t("languageOffer.text", { language: languageAutonym(languageOffer) })}</p>
      <div className="language-offer__actions">
        <button type="button" className="button button--primary button--small" onClick={() => void accept()} data-testid="language-offer-switch">
          {t("languageOffer.switch", { language: languageAutonym(languageOffer) })}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={dismissLanguageOffer} data-testid="language-offer-keep">
          {t("languageOffer.keep", { language: languageAutonym(current) })}
        </button>
      </div>
    </div>
  );
}
