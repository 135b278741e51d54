import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { loginPathFor } from "../../lib/return-path.ts";
import { useAudioLevel } from "../../lib/useAudioLevel.ts";
import { useDocumentTitle } from "../../lib/useDocumentTitle.ts";
import { errorText } from "../../i18n/errors.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { LevelMeter } from "../../ui/LevelMeter.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Notice } from "../../ui/Notice.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { useAuth } from "../auth/useAuth.ts";
import { ListenQr } from "../listen/ListenQr.tsx";
import { FloorLanguagePanel } from "../interpretation/FloorLanguagePanel.tsx";
import { useLiveSession } from "../session/useLiveSession.ts";
import { DeviceSelect } from "./DeviceSelect.tsx";
import { LocalPreview } from "./LocalPreview.tsx";
import type { StageDevices } from "./stage-controller.ts";
import { useDevices } from "./useDevices.ts";
import { useStageController } from "./useStageController.ts";

/** The AV operator's console: choose camera and desk audio, preview, go live, stop. */
export function StagePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const location = useLocation();
  const { me } = useAuth();
  const session = useLiveSession(id);
  const [controller, snapshot] = useStageController(id);
  const devices = useDevices();
  const [selected, setSelected] = useState<StageDevices>({});
  const [confirmingStop, setConfirmingStop] = useState(false);
  const level = useAudioLevel(snapshot.audio?.mediaStreamTrack);
  useDocumentTitle(t("stage.title"));
  // Device names become readable once the camera and microphone are open.
  const { refresh } = devices;
  useEffect(refresh, [snapshot.video, refresh]);

  if (me === undefined || session.status === "loading") return <Loading />;
  if (!session.data) {
    // An unknown session is said as such, rather than "you are not its stage operator".
    const missing = session.error?.code === "NOT_FOUND" || session.error?.code === "BAD_REQUEST";
    return (
      <Notice tone="error" title={missing ? t("session.notFound") : t("session.loadFailed")} actions={<Link to="/">{t("session.backToAgenda")}</Link>} testId="stage-session-missing">
        {!missing && session.error && errorText(t, session.error)}
      </Notice>
    );
  }

  if (me === null) {
    return (
      <Notice tone="info" title={t("stage.signinTitle")} actions={<Link className="button button--primary" to={loginPathFor(location.pathname)}>{t("session.blocked.signinAction")}</Link>} />
    );
  }

  const isStage = me.roles.some((r) => r.sessionId === id && r.role === "STAGE");
  const chairs = me.isOrganiser || me.roles.some((r) => r.sessionId === id && r.role === "MODERATOR");
  const { state } = snapshot;
  const busy = state === "going-live" || state === "live";

  const choose = (patch: StageDevices) => {
    const next = { ...selected, ...patch };
    setSelected(next);
    if (snapshot.video) void controller.preview(next);
  };

  return (
    <article className="page stage-page" aria-labelledby="stage-title">
      <header className="stage-header">
        <p className="session-header__back">
          <Link to={`/sessions/${id}`}>{t("stage.backToSession")}</Link>
        </p>
        <h1 id="stage-title">{t("stage.title")}</h1>
        <p className="stage-header__session">
          <StatusBadge status={session.data.status} /> <bdi>{session.data.title}</bdi> · <bdi>{session.data.room}</bdi>
        </p>
      </header>
      {!isStage && <Notice tone="warning" title={t("stage.notStageTitle")}>{t("stage.notStageBody")}</Notice>}
      <div className="stage-layout">
        <div className="stage-layout__preview">
          <LocalPreview track={snapshot.video} />
          <LevelMeter label={t("stage.deskAudio")} testId="stage-audio-level" {...level} />
        </div>
        <div className="stage-layout__controls">
          <DeviceSelect id="stage-camera" label={t("stage.camera")} devices={devices.cameras} value={selected.videoDeviceId} onChange={(videoDeviceId) => choose({ videoDeviceId })} />
          <DeviceSelect id="stage-audio" label={t("stage.audioInput")} devices={devices.audioInputs} value={selected.audioDeviceId} onChange={(audioDeviceId) => choose({ audioDeviceId })} />
          {!devices.labelled && <p className="field__hint">{t("stage.labelsHidden")}</p>}
          <p className={`stage-status stage-status--${state}`} data-testid="stage-status" data-state={state} data-reconnecting={snapshot.reconnecting ? "" : undefined} role="status">
            <span className="stage-status__dot" aria-hidden="true" />
            {t(`stage.state.${state}`)}
            {snapshot.reconnecting && ` · ${t("connection.reconnecting")}`}
          </p>
          {snapshot.problem && <Notice tone="error">{t(`stage.problem.${snapshot.problem}`)}</Notice>}
          <div className="stage-actions">
            {!snapshot.video && (
              <button type="button" className="button button--secondary" onClick={() => void controller.preview(selected)} disabled={busy}>
                {t("stage.startPreview")}
              </button>
            )}
            <button type="button" className="button button--live" data-testid="stage-go-live" onClick={() => void controller.goLive(selected)} disabled={busy}>
              {t("stage.goLive")}
            </button>
            <button type="button" className="button button--secondary" data-testid="stage-stop" onClick={() => setConfirmingStop(true)} disabled={!busy}>
              {t("stage.stop")}
            </button>
          </div>
          {confirmingStop && (
            <ConfirmDialog
              title={t("stage.stopConfirm.title")}
              confirmLabel={t("stage.stopConfirm.confirm")}
              cancelLabel={t("stage.stopConfirm.cancel")}
              onConfirm={() => {
                setConfirmingStop(false);
                void controller.stop();
              }}
              onCancel={() => setConfirmingStop(false)}
              testId="stage-stop-dialog"
            >
              <p>{t("stage.stopConfirm.room")}</p>
            </ConfirmDialog>
          )}
          <ListenQr sessionId={id} canManage={chairs} />
          {isStage && <FloorLanguagePanel sessionId={id} />}
        </div>
      </div>
    </article>
  );
}
