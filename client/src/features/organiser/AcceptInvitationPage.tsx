import type { TStaffRole } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { loginPathFor } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { acceptInvitation, workspacePathFor } from "./api.ts";

/** `/invitations/:token`: sign in (or register) first, then accept the role with one click. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const location = useLocation();
  const { me, refresh } = useAuth();
  const [accepted, setAccepted] = useState<{ sessionId: string; role: TStaffRole } | undefined>();
  const accept = useSubmit(acceptInvitation);
  useDocumentTitle(t("invitation.title"));

  if (me === undefined) return <Loading />;
  const onAccept = async () => {
    const result = await accept.run(token);
    if (result) {
      setAccepted(result);
      await refresh();
    }
  };

  return (
    <section className="page page--narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      {me === null ? (
        <Notice
          tone="info"
          title={t("invitation.signinFirst")}
          actions={
            <>
              <Link className="button button--primary" to={loginPathFor(location.pathname)}>
                {t("auth.signIn")}
              </Link>
              <Link className="button button--secondary" to={`/register?next=${encodeURIComponent(location.pathname)}`}>
                {t("auth.createAccount")}
              </Link>
            </>
          }
        />
      ) : accepted ? (
        <Notice
          tone="success"
          title={t("invitation.accepted", { role: t(`staffRoles.${accepted.role}`) })}
          actions={
            <Link className="button button--primary" to={workspacePathFor(accepted.sessionId, accepted.role)}>
              {t("invitation.goToSession")}
            </Link>
          }
        />
      ) : (
        <>
          <p className="lead">{t("invitation.lead", { name: me.displayName })}</p>
          <button type="button" className="button button--primary" onClick={() => void onAccept()} disabled={accept.pending}>
            {t("invitation.accept")}
          </button>
          {accept.error && (
            <Notice tone="error">
              {errorText(t, accept.error, { NOT_FOUND: t("invitation.invalid"), BAD_REQUEST: t("invitation.invalid"), CONFLICT: t("invitation.used") })}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
