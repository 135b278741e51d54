import { QA_MODES, type TPresenterLinkResponse, type TQaMode } from "@plenary/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSubmit } from "../../lib/useSubmit.ts";
import { Notice } from "../../ui/Notice.tsx";
import { errorText } from "../../i18n/errors.ts";
import { intlLocale } from "../../i18n/format.ts";
import { exportUrl, issuePresenterLink, revokePresenterLinks } from "./api.ts";

/** Props for {@link ConsoleToolbar}. */
export interface ConsoleToolbarProps {
  sessionId: string;
  mode: TQaMode;
  busy: boolean;
  onMode(mode: TQaMode): void;
}

/** The console's session-wide controls: the Q&A mode, the exports and the presenter screen link. */
export function ConsoleToolbar({ sessionId, mode, busy, onMode }: ConsoleToolbarProps) {
  const { t, i18n } = useTranslation();
  const [link, setLink] = useState<TPresenterLinkResponse>();
  const [copied, setCopied] = useState(false);
  const issue = useSubmit(() => issuePresenterLink(sessionId));
  const revoke = useSubmit(() => revokePresenterLinks(sessionId));
  const [revoked, setRevoked] = useState(false);
  const failed = issue.error ?? revoke.error;
  const issueLink = async () => {
    const created = await issue.run();
    if (!created) return;
    setLink(created);
    setRevoked(false);
  };
  // A link that leaked stops working, and the screens opened with it close.
  const withdrawLinks = async () => {
    if (!(await revoke.run())) return;
    setLink(undefined);
    setCopied(false);
    setRevoked(true);
  };
  const url = link ? `${window.location.origin}${link.path}` : undefined;

  return (
    <div className="qa-console-toolbar">
      <fieldset className="qa-modes">
        <legend>{t("qa.console.mode")}</legend>
        {QA_MODES.map((m) => (
          <label key={m} className={`qa-modes__option${mode === m ? " qa-modes__option--on" : ""}`}>
            <input type="radio" name="qa-mode" value={m} checked={mode === m} disabled={busy} onChange={() => onMode(m)} data-testid={`qa-mode-${m}`} />
            {t(`qa.console.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="qa-console-toolbar__group">
        <p className="field__label">{t("qa.console.export")}</p>
        <a className="button button--small button--secondary" href={exportUrl(sessionId, "csv")} download>
          {t("qa.console.exportCsv")}
        </a>
        <a className="button button--small button--secondary" href={exportUrl(sessionId, "json")} download>
          {t("qa.console.exportJson")}
        </a>
      </div>
      <div className="qa-console-toolbar__group">
        <p className="field__label">{t("qa.console.presenter")}</p>
        {!url ? (
          <button type="button" className="button button--small button--secondary" disabled={issue.pending} onClick={() => void issueLink()} data-testid="qa-presenter-issue">
            {t("qa.console.presenterIssue")}
          </button>
        ) : (
          <div className="qa-presenter-link">
            <label htmlFor="qa-presenter-url">
              {t("qa.console.presenterLinkLabel", { time: new Date(link!.expiresAt).toLocaleString(intlLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" }) })}
            </label>
            <input id="qa-presenter-url" readOnly value={url} dir="ltr" onFocus={(e) => e.target.select()} data-testid="qa-presenter-url" />
            <button type="button" className="button button--small button--quiet" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
              {copied ? t("qa.console.copied") : t("qa.console.copy")}
            </button>
            <a className="button button--small button--secondary" href={url} target="_blank" rel="noreferrer">
              {t("qa.console.presenterOpen")}
            </a>
          </div>
        )}
        <button type="button" className="button button--small button--quiet" disabled={revoke.pending} onClick={() => void withdrawLinks()} data-testid="qa-presenter-revoke">
          {t("qa.console.presenterRevoke")}
        </button>
        {revoked && <Notice tone="success">{t("qa.console.presenterRevoked")}</Notice>}
        {failed && <Notice tone="error">{errorText(t, failed)}</Notice>}
      </div>
    </div>
  );
}
