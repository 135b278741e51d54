import { useTranslation } from "react-i18next";
import { Link, NavLink, useNavigate } from "react-router";
import { useAuth } from "../features/auth/useAuth.ts";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher.tsx";

/** Site header: brand, main navigation, account links and the language switcher. */
export function Header() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();

  const onLogout = async () => {
    // Leave first: a page that needs a signed-in user would otherwise send the person to sign in
    // again (and back there afterwards) the moment the sign-out lands.
    await navigate("/");
    await logout().catch(() => undefined);
  };

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </Link>
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
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
