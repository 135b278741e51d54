import { listenPath } from "@plenary/shared";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { storedLink, watchLinks } from "./guest-link-store.ts";

/** setTimeout takes at most a signed 32-bit delay. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The QR code to the listen page as the room sees it on the presenter screen: large, and only while
 * a guest link made on this computer (on the moderator console or stage page) is valid, since a code
 * that asks for a sign-in is of no use to most people in the room. No controls: the screen is public.
 */
export function ProjectedListenQr({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [link, setLink] = useState(() => storedLink(sessionId));

  useEffect(() => {
    const reread = () => setLink(storedLink(sessionId));
    reread();
    return watchLinks(reread);
  }, [sessionId]);

  // The code goes when the link expires, as it would no longer let anyone in.
  useEffect(() => {
    if (!link) return;
    const timer = setTimeout(() => setLink(storedLink(sessionId)), Math.min(MAX_DELAY_MS, Date.parse(link.expiresAt) - Date.now() + 1000));
    return () => clearTimeout(timer);
  }, [link, sessionId]);

  if (!link) return null;
  const url = `${window.location.origin}${listenPath(sessionId, link.token)}`;
  return (
    <section className="listen-qr listen-qr--projected" data-testid="listen-qr" data-guest="true" aria-labelledby="projected-qr-title">
      <div className="listen-qr__code">
        <QRCodeSVG value={url} size={320} level="M" marginSize={2} title={t("listen.qr.label")} data-testid="listen-qr-code" data-url={url} />
      </div>
      <div className="listen-qr__text">
        <p className="listen-qr__title" id="projected-qr-title">
          {t("listen.qr.title")}
        </p>
        <p className="listen-qr__hint">{t("listen.qr.hint")}</p>
      </div>
    </section>
  );
}
