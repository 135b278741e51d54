import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { useAuth } from "../features/auth/useAuth.ts";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";
import { useDisclosure } from "../lib/useDisclosure.ts";

/**
 * Site header: brand, main navigation, account links and the language switcher, on one row. On
 * narrow screens the navigation and account links fold into a menu; the language stays in sight.
 */
export function Header() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // Any navigation closes the menu.
  const menu = useDisclosure(location.key);

  const onLogout = async () => {
    // Leave first: a page that needs a signed-in user would otherwise send the person to sign in
    // again (and back there afterwards) the moment the sign-out lands.
    await navigate("/");
    await logout().catch(() => undefined);
  };

  return (
    <header className="site-header">
      <div className="site-header__inner" {...menu.rootProps}>
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </Link>
        <button type="button" className="site-header__menu-button" {...menu.buttonProps} data-testid="header-menu-button">
          <span className="site-header__menu-icon" aria-hidden="true" />
          {t("header.menu")}
        </button>
        {/* A link closes the menu at once, before its page (perhaps loaded on demand) arrives. */}
        <div
          id={menu.panelId}
          className="site-header__menu"
          data-open={menu.open}
          data-testid="header-menu"
          onClick={(e) => {
            if (e.target instanceof Element && e.target.closest("a")) menu.close();
          }}
        >
          <nav className="site-nav" aria-label={t("header.mainNav")}>
            <NavLink to="/" end>
              {t("header.agenda")}
            </NavLink>
            {me?.isOrganiser && <NavLink to="/organiser">{t("header.organiser")}</NavLink>}
          </nav>
          <div className="site-header__account">
            {me ? (
              <>
                <NavLink to="/profile" className="account-name">
                  <bdi>{t("header.profile", { name: me.displayName })}</bdi>
                  <span className="visually-hidden"> {t("header.profileLabel")}</span>
                </NavLink>
                <button type="button" className="button button--quiet" onClick={() => void onLogout()}>
                  {t("header.logout")}
                </button>
              </>
            ) : me === null ? (
              <>
                <NavLink to="/login">{t("header.login")}</NavLink>
                <NavLink to="/register" className="button button--secondary">
                  {t("header.register")}
                </NavLink>
              </>
            ) : null}
          </div>
        </div>
        <div className="site-header__language">
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
