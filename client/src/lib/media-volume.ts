/**
 * Whether this browser applies `HTMLMediaElement.volume`. iOS Safari does not: the level belongs to
 * the hardware buttons, the property cannot be set and always reads 1. Where it is ignored, a page
 * that plays several streams at different levels has to mix them through Web Audio instead.
 */
export function mediaElementVolumeWorks(): boolean {
  if (typeof document === "undefined") return true;
  const probe = document.createElement("audio");
  probe.volume = 0.5;
  return probe.volume === 0.5;
}
