import { useTranslation } from "react-i18next";

/** Props for {@link DeviceSelect}. */
export interface DeviceSelectProps {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  value: string | undefined;
  onChange(deviceId: string | undefined): void;
  disabled?: boolean;
}

/** A labelled select of media devices, with "system default" first. */
export function DeviceSelect({ id, label, devices, value, onChange, disabled }: DeviceSelectProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t("stage.defaultDevice")}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || t("stage.unnamedDevice", { n: i + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
