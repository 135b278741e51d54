import { listenPath } from "@plenary/shared";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../i18n/errors.ts";
import { intlLocale } from "../../i18n/index.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { createListenLink, revokeListenLink } from "./api.ts";
import { rememberLink, storedLink } from "./guest-link-store.ts";

/** Props for {@link ListenQr}. */
export interface ListenQrProps {
  sessionId: string;
  /** The viewer may create and withdraw guest links (the session's moderators and organisers). */
  canManage: boolean;
  /** Pixel size of the code. */
  size?: number;
}

/**
 * A QR code to the session's listen-only page, for the staff consoles (stage, moderator). Without a
 * guest link it leads to the page for signed-in people; the chair can make a guest link so that
 * anyone may listen, and withdraw it (everyone who used it is cut off). The presenter screen shows
 * {@link ProjectedListenQr} instead, which has no controls.
 */
export function ListenQr({ sessionId, canManage, size = 168 }: ListenQrProps) {
  const { t, i18n } = useTranslation();
  const [link, setLink] = useState(() => storedLink(sessionId));
  const create = useSubmit(() => createListenLink(sessionId));
  const revoke = useSubmit((linkId: string) => revokeListenLink(sessionId, linkId));
  const url = `${window.location.origin}${listenPath(sessionId, link?.token)}`;
  const failed = create.error ?? revoke.error;
  const until = link && new Intl.DateTimeFormat(intlLocale(i18n.language), { timeStyle: "short" }).format(new Date(link.expiresAt));

  const onCreate = async () => {
    const created = await create.run();
    if (!created) return;
    rememberLink(sessionId, created);
    setLink(created);
  };
  const onRevoke = async () => {
    if (!link || !(await revoke.run(link.id))) return;
    rememberLink(sessionId, undefined);
    setLink(undefined);
  };

  return (
    <section className="listen-qr" data-testid="listen-qr" data-guest={Boolean(link)}>
      <p className="listen-qr__title">{t("listen.qr.title")}</p>
      <div className="listen-qr__code">
        <QRCodeSVG value={url} size={size} level="L" marginSize={2} title={t("listen.qr.label")} data-testid="listen-qr-code" data-url={url} />
      </div>
      <p className="listen-qr__hint">{link ? t("listen.qr.guest", { time: until }) : canManage ? t("listen.qr.signedIn") : t("listen.qr.hint")}</p>
      {canManage && (
        <div className="listen-qr__actions">
          {link ? (
            <button type="button" className="button button--secondary" onClick={() => void onRevoke()} disabled={revoke.pending}>
              {t("listen.qr.revoke")}
            </button>
          ) : (
            <button type="button" className="button button--secondary" data-testid="listen-qr-create" onClick={() => void onCreate()} disabled={create.pending}>
              {t("listen.qr.create")}
            </button>
          )}
        </div>
      )}
      {failed && <p role="alert">{errorText(t, failed)}</p>}
    </section>
  );
}
