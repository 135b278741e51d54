import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";

/** Renders organiser pages only for organisers; others are sent to sign in or told why not. */
export function OrganiserGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to={loginPathFor(location.pathname)} replace />;
  if (!me.isOrganiser) {
    return <Notice tone="warning" title={t("organiser.onlyOrganisers")} actions={<Link to="/">{t("session.backToAgenda")}</Link>} />;
  }
  return children;
}
