import { useTranslation } from "react-i18next";
import { Notice } from "../ui/Notice.tsx";

/** Shown when a page fails to load or render (e.g. a lazy chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main">
      <Notice
        tone="error"
        title={t("app.crashTitle")}
        actions={
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            {t("app.reload")}
          </button>
        }
      >
        {t("app.crashBody")}
      </Notice>
    </main>
  );
}
