import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { LanguageOffer } from "../i18n/LanguageOffer.tsx";
import { Header } from "./Header.tsx";

/** Page shell: skip link, header, main landmark (focused after each navigation) and footer. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // Move focus to the new page so keyboard and screen-reader users start at its content.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <LanguageOffer />
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </>
  );
}
