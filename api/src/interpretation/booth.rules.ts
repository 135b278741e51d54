import { FLOOR, participantIdentity, type TChannel, type TChannelState, type TLanguage } from "@plenary/shared";

/** One interpreter's row as the booth rules need it. */
export interface InterpreterRow {
  userId: string;
  displayName: string;
  language: TLanguage;
  relay: TChannel;
  micOpen: boolean;
  coughing: boolean;
  present: boolean;
}

export interface BoothRow {
  language: TLanguage;
  onAirId: string | null;
  offerToId: string | null;
}

/**
 * A booth's channel is live only while its on-air interpreter is connected with the microphone
 * open: an interpreter who dropped or switched off leaves the channel paused, and listeners hear
 * the floor instead of silence. Coughing does not pause it (it is a moment, not a handover).
 */
export function isLive(booth: BoothRow, interpreters: readonly InterpreterRow[]): boolean {
  if (!booth.onAirId) return false;
  const onAir = interpreters.find((i) => i.userId === booth.onAirId);
  return Boolean(onAir?.present && onAir.micOpen);
}

/** Every channel's state: the floor language's channel is the floor itself, others follow their booth. */
export function channelStates(
  languages: readonly TLanguage[],
  floorLanguage: TLanguage | null,
  booths: readonly BoothRow[],
  interpreters: readonly InterpreterRow[],
): TChannelState[] {
  return languages.map((language) => {
    if (language === floorLanguage) return { channel: language, status: "floor", identity: null, standby: null };
    const booth = booths.find((b) => b.language === language);
    if (booth?.onAirId && isLive(booth, interpreters)) {
      const offered = interpreters.find((i) => i.userId === booth.offerToId && i.present);
      // Listeners play the booth consoles' identities (the bare user ids), never another view of theirs.
      const boothConsole = (userId: string) => participantIdentity(userId, "interpreter", "booth");
      return { channel: language, status: "live", identity: boothConsole(booth.onAirId), standby: offered ? boothConsole(offered.userId) : null };
    }
    return { channel: language, status: "paused", identity: null, standby: null };
  });
}

/**
 * Whether letting `booth` take its source from `source` closes a relay loop. The relay map is a
 * graph with an edge from each booth to every booth one of its interpreters listens to; a loop
 * would leave every booth in it interpreting its own output.
 */
export function relayCreatesLoop(interpreters: readonly InterpreterRow[], booth: TLanguage, source: TChannel, userId: string): boolean {
  if (source === FLOOR) return false;
  if (source === booth) return true;
  const edges = new Map<string, Set<string>>();
  for (const i of interpreters) {
    if (i.userId === userId || i.relay === FLOOR) continue;
    if (!edges.has(i.language)) edges.set(i.language, new Set());
    edges.get(i.language)!.add(i.relay);
  }
  const seen = new Set<string>();
  const stack: string[] = [source];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at === booth) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(edges.get(at) ?? []));
  }
  return false;
}

/**
 * Whether `userId` may take the channel now without a handover: nobody is on air, they already
 * are, or the on-air interpreter has dropped or closed the microphone (silent).
 */
export function mayTake(booth: BoothRow, interpreters: readonly InterpreterRow[], userId: string): boolean {
  if (!booth.onAirId || booth.onAirId === userId) return true;
  return !isLive(booth, interpreters);
}
