import { FLOOR_GRACE_SECONDS, type TFloorSettings } from "@plenary/shared";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "../../ui/SubmitButton.tsx";
import { speakingSeconds } from "./floor-timer.ts";

/** Props for {@link FloorSettingsForm}; key it on the settings so a change by another chair shows. */
export interface FloorSettingsFormProps {
  settings: TFloorSettings;
  onSave(settings: TFloorSettings): Promise<boolean>;
}

/** The session's floor rules: default speaking time, automatic take-back after the grace, cameras. */
export function FloorSettingsForm({ settings, onSave }: FloorSettingsFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [minutes, setMinutes] = useState(String(settings.speakingTimeSeconds / 60));
  const [autoRevoke, setAutoRevoke] = useState(settings.autoRevoke);
  const [allowCamera, setAllowCamera] = useState(settings.allowCamera);
  const [pending, setPending] = useState(false);
  const seconds = speakingSeconds(minutes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || seconds === undefined) return;
    setPending(true);
    await onSave({ speakingTimeSeconds: seconds, autoRevoke, allowCamera });
    setPending(false);
  };

  return (
    <form className="floor-settings" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>{t("floor.chair.settings.title")}</h3>
      <div className={seconds === undefined ? "field field--invalid" : "field"}>
        <label htmlFor={`${id}-minutes`} className="field__label">
          {t("floor.chair.settings.minutes")}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t("floor.chair.settings.minutesHint")}
        </p>
        <input
          id={`${id}-minutes`}
          className="floor-settings__minutes"
          type="text"
          inputMode="decimal"
          value={minutes}
          aria-describedby={`${id}-hint`}
          aria-invalid={seconds === undefined || undefined}
          onChange={(e) => setMinutes(e.target.value)}
          data-testid="floor-settings-minutes"
        />
      </div>
      <label className="floor-settings__check">
        <input type="checkbox" checked={autoRevoke} onChange={(e) => setAutoRevoke(e.target.checked)} data-testid="floor-settings-auto-revoke" />
        {t("floor.chair.settings.autoRevoke", { seconds: FLOOR_GRACE_SECONDS.overtime })}
      </label>
      <label className="floor-settings__check">
        <input type="checkbox" checked={allowCamera} onChange={(e) => setAllowCamera(e.target.checked)} data-testid="floor-settings-allow-camera" />
        {t("floor.chair.settings.allowCamera")}
      </label>
      <SubmitButton pending={pending} disabled={seconds === undefined} label={t("floor.chair.settings.save")} pendingLabel={t("common.saving")} data-testid="floor-settings-save" />
    </form>
  );
}
