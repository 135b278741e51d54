import type { LocalVideoTrack } from "livekit-client";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** The operator's own camera, shown as it will be published. */
export function LocalPreview({ track }: { track: LocalVideoTrack | undefined }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);

  return (
    <figure className="stage-preview">
      {track ? (
        <video ref={video} className="stage-preview__video" data-testid="stage-preview" muted playsInline autoPlay aria-label={t("stage.previewLabel")} />
      ) : (
        <div className="stage-preview__empty">
          <p>{t("stage.noPreview")}</p>
        </div>
      )}
    </figure>
  );
}
