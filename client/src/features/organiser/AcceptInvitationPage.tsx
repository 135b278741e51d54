import type { TInvitationPreview, TStaffRole } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { errorText } from "../../i18n/errors.ts";
import { loginPathFor } from "../../lib/return-path.ts";
import { useApiQuery } from "../../lib/useApiQuery.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { consolePathForRole } from "../consoles/consoles.ts";
import { acceptInvitation, fetchInvitation } from "./api.ts";
import { InvitationOffer } from "./InvitationOffer.tsx";

/**
 * `/invitations/:token`: first what the invitation offers (or, at once, that the link is bogus or
 * used), then sign in or register if needed, then accept with one click.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const offer = useApiQuery(`invitation:${token}`, (signal) => fetchInvitation(token, signal));
  useDocumentTitle(t("invitation.title"));

  return (
    <section className="page page--narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("invitation.title")}</h1>
      {offer.status === "loading" ? (
        <Loading />
      ) : offer.data ? (
        <>
          <InvitationOffer offer={offer.data} />
          <Acceptance token={token} offer={offer.data} />
        </>
      ) : (
        <Notice
          tone="error"
          title={offer.error?.code === "CONFLICT" ? t("invitation.used") : t("invitation.invalid")}
          actions={<Link to="/">{t("session.backToAgenda")}</Link>}
          testId="invitation-refused"
        >
          {offer.error && !["CONFLICT", "NOT_FOUND", "BAD_REQUEST"].includes(offer.error.code) && errorText(t, offer.error)}
        </Notice>
      )}
    </section>
  );
}

/** The step after reading the offer: sign in first, accept, or go to the console once accepted. */
function Acceptance({ token, offer }: { token: string; offer: TInvitationPreview }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, refresh } = useAuth();
  const [accepted, setAccepted] = useState<{ sessionId: string; role: TStaffRole } | undefined>();
  const accept = useSubmit(acceptInvitation);

  if (me === undefined) return <Loading />;
  const done = accepted ?? (offer.acceptedByYou && me ? { sessionId: offer.session.id, role: offer.role } : undefined);
  if (done) {
    return (
      <Notice
        tone="success"
        title={t("invitation.accepted", { role: t(`staffRoles.${done.role}`) })}
        actions={
          <>
            <Link className="button button--primary" to={consolePathForRole(done.sessionId, done.role)} data-testid="invitation-go">
              {t("invitation.goToConsole")}
            </Link>
            <Link className="button button--secondary" to={`/sessions/${encodeURIComponent(done.sessionId)}`}>
              {t("invitation.goToSession")}
            </Link>
          </>
        }
      />
    );
  }
  if (me === null) {
    return (
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
    );
  }

  const onAccept = async () => {
    const result = await accept.run(token);
    if (!result) return;
    setAccepted(result);
    await refresh();
  };
  return (
    <div className="invitation-accept">
      <p>{t("invitation.acceptAs", { name: me.displayName })}</p>
      <button type="button" className="button button--primary" onClick={() => void onAccept()} disabled={accept.pending} data-testid="invitation-accept">
        {t("invitation.accept")}
      </button>
      {accept.error && (
        <Notice tone="error">
          {errorText(t, accept.error, { NOT_FOUND: t("invitation.invalid"), BAD_REQUEST: t("invitation.invalid"), CONFLICT: t("invitation.used") })}
        </Notice>
      )}
    </div>
  );
}
