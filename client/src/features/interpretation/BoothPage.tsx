import type { TLanguage } from "@plenary/shared";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { languageName } from "../../lib/languages.ts";
import { loginPathFor } from "../../lib/return-path.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { useLiveSession } from "../session/useLiveSession.ts";
import { BoothConsole } from "./BoothConsole.tsx";

/** The interpreter's booth console at /sessions/:id/booth: who may use it, then the console. */
export function BoothPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { me } = useAuth();
  const session = useLiveSession(id);
  useDocumentTitle(t("interpretation.booth.title"));

  if (me === undefined || session.status === "loading") return <Loading />;
  if (me === null) {
    return (
      <Notice
        tone="info"
        title={t("interpretation.booth.signinTitle")}
        actions={
          <Link className="button button--primary" to={loginPathFor(location.pathname)}>
            {t("session.blocked.signinAction")}
          </Link>
        }
      />
    );
  }
  const language = me.roles.find((r) => r.sessionId === id && r.role === "INTERPRETER")?.boothLanguage as TLanguage | undefined;
  return (
    <article className="page booth-page" aria-labelledby="booth-title">
      <header className="stage-header">
        <p className="session-header__back">
          <Link to={`/sessions/${id}`}>{t("stage.backToSession")}</Link>
        </p>
        <h1 id="booth-title">
          {language ? t("interpretation.booth.titleFor", { language: languageName(language, i18n.language) }) : t("interpretation.booth.title")}
        </h1>
        {session.data && (
          <p className="stage-header__session">
            <StatusBadge status={session.data.status} /> <bdi>{session.data.title}</bdi> · <bdi>{session.data.room}</bdi>
          </p>
        )}
      </header>
      {language ? (
        <BoothConsole sessionId={id} language={language} userId={me.id} />
      ) : (
        <Notice tone="warning" title={t("interpretation.booth.notInterpreterTitle")}>
          {t("interpretation.booth.notInterpreterBody")}
        </Notice>
      )}
    </article>
  );
}
