import { FLOOR_GRACE_SECONDS, secondsLeft, SPEAKING_TIME_LIMITS, type TFloorHolder } from "@plenary/shared";

/** From this many seconds left, the timer turns to its warning colour. */
export const WARNING_SECONDS = 30;

/** Running normally, in its last {@link WARNING_SECONDS}, or past the end (counting overtime up). */
export type TimerPhase = "running" | "warning" | "over";

/** What a speaking timer shows at one moment. */
export interface TimerView {
  /** Seconds left (negative in overtime), as {@link secondsLeft} counts them. */
  secondsLeft: number;
  phase: TimerPhase;
  /** mm:ss (h:mm:ss past an hour): the time left, or the overtime once the time is up. */
  clock: string;
}

/** Seconds as mm:ss, or h:mm:ss from an hour; never negative. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${two(minutes)}:${two(s % 60)}`;
}

/** A holder's timer at `now` (the local clock), read on the server's clock through `offsetMs`. */
export function timerView(holder: Pick<TFloorHolder, "endsAt">, now: number, offsetMs: number): TimerView {
  const left = secondsLeft(holder, now, offsetMs);
  if (left < 0) return { secondsLeft: left, phase: "over", clock: formatClock(-left) };
  return { secondsLeft: left, phase: left <= WARNING_SECONDS ? "warning" : "running", clock: formatClock(left) };
}

/** For a holder who dropped out: whole seconds until the server releases the floor (0 once due). */
export function releaseInSeconds(holder: Pick<TFloorHolder, "disconnectedAt">, now: number, offsetMs: number): number | undefined {
  if (!holder.disconnectedAt) return undefined;
  const due = Date.parse(holder.disconnectedAt) + FLOOR_GRACE_SECONDS.disconnected * 1000;
  return Math.max(0, Math.ceil((due - (now + offsetMs)) / 1000));
}

/** Minutes as the chair types them ("2.5", "2,5") to whole seconds within the contract's limits. */
export function speakingSeconds(minutes: string): number | undefined {
  const value = Number(minutes.trim().replace(",", "."));
  if (!Number.isFinite(value) || minutes.trim() === "") return undefined;
  const seconds = Math.round(value * 60);
  return seconds >= SPEAKING_TIME_LIMITS.min && seconds <= SPEAKING_TIME_LIMITS.max ? seconds : undefined;
}

/** How many clock samples the offset is estimated from: enough to ride out one slow delivery. */
const OFFSET_SAMPLES = 8;

/**
 * Estimates the server clock's lead over this one from states stamped with `serverNow`. Each
 * sample (`serverNow - receivedAt`) falls short of the true offset by the time the state spent in
 * transit, so the largest recent sample is the best estimate; old ones age out, so a corrected
 * local clock is followed within a few states.
 */
export class ClockOffset {
  private samples: number[] = [];

  /** Records a state read on the server at `serverNow` and received here at `receivedAt`. */
  add(serverNow: string, receivedAt: number): void {
    const server = Date.parse(serverNow);
    if (Number.isNaN(server)) return;
    this.samples = [...this.samples, server - receivedAt].slice(-OFFSET_SAMPLES);
  }

  /** Milliseconds to add to the local clock to read the server's (0 before any sample). */
  get ms(): number {
    return this.samples.length === 0 ? 0 : Math.max(...this.samples);
  }
}
