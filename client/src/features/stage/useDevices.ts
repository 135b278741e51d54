import { useCallback, useEffect, useState } from "react";

/** Cameras and audio inputs the browser offers. */
export interface Devices {
  cameras: MediaDeviceInfo[];
  audioInputs: MediaDeviceInfo[];
  /** Browsers hide device names until camera/microphone access is granted. */
  labelled: boolean;
  /** Enumerate again, e.g. once access has been granted. */
  refresh(): void;
}

/** Lists media inputs and keeps the list current as devices are plugged in or out. */
export function useDevices(): Devices {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const refresh = useCallback(() => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    navigator.mediaDevices.enumerateDevices().then(setDevices, () => setDevices([]));
  }, []);

  useEffect(() => {
    refresh();
    navigator.mediaDevices?.addEventListener("devicechange", refresh);
    return () => navigator.mediaDevices?.removeEventListener("devicechange", refresh);
  }, [refresh]);

  const real = devices.filter((d) => d.deviceId !== "");
  return {
    cameras: real.filter((d) => d.kind === "videoinput"),
    audioInputs: real.filter((d) => d.kind === "audioinput"),
    labelled: real.some((d) => d.label !== ""),
    refresh,
  };
}
