import { FLOOR, type TBooth, type TBoothInterpreter, type TBoothsState, type TChannel, type TChannelStatus, type TLanguage } from "@plenary/shared";

/** Everything the booth console shows about the interpreter's own booth, derived from the server's state. */
export interface BoothView {
  booth: TBooth;
  me: TBoothInterpreter | undefined;
  partners: TBoothInterpreter[];
  /** The server names this interpreter as the booth's voice. */
  onAir: boolean;
  /** On air with the microphone open and no cough: listeners hear this interpreter now. */
  live: boolean;
  /** A partner is on air. */
  partnerOnAir: TBoothInterpreter | undefined;
  offeredToMe: boolean;
  offeredByMe: boolean;
  /** Two present interpreters of the booth both have their microphones open. */
  bothMicsOpen: boolean;
  /** The floor is speaking the booth's language: its listeners hear the floor. */
  floorIsOurs: boolean;
  /** The relay this interpreter asked for has nobody on air, so they hear the floor instead. */
  relayFallback: boolean;
}

export function boothView(state: TBoothsState, language: TLanguage, userId: string): BoothView | undefined {
  const booth = state.booths.find((b) => b.language === language);
  if (!booth) return undefined;
  const me = booth.interpreters.find((i) => i.userId === userId);
  const partners = booth.interpreters.filter((i) => i.userId !== userId);
  const onAir = booth.onAirUserId === userId;
  const relay = me?.relay ?? FLOOR;
  const relayStatus = relay === FLOOR ? "floor" : state.channels.find((c) => c.channel === relay)?.status;
  return {
    booth,
    me,
    partners,
    onAir,
    live: onAir && Boolean(me?.micOpen) && !me?.coughing,
    partnerOnAir: partners.find((p) => p.userId === booth.onAirUserId),
    offeredToMe: booth.offerToUserId === userId,
    offeredByMe: onAir && booth.offerToUserId !== null,
    bothMicsOpen: booth.interpreters.filter((i) => i.present && i.micOpen).length >= 2,
    floorIsOurs: state.floorLanguage === language,
    relayFallback: relay !== FLOOR && relayStatus !== "live",
  };
}

/** One line of the relay map: a booth and where its interpreters take their source from. */
export interface RelayLine {
  language: TLanguage;
  sources: TChannel[];
  /** What the booth's listeners hear now. */
  status: TChannelStatus;
}

/**
 * Who takes from whom: for each booth, the source of its on-air interpreter, or of every
 * interpreter when nobody is on air (what the booth would take).
 */
export function relayMap(state: TBoothsState): RelayLine[] {
  return state.booths.map((b) => {
    const onAir = b.interpreters.find((i) => i.userId === b.onAirUserId);
    const sources = onAir ? [onAir.relay] : [...new Set(b.interpreters.map((i) => i.relay))];
    const status = state.channels.find((c) => c.channel === b.language)?.status ?? "paused";
    return { language: b.language, sources: sources.length > 0 ? sources : [FLOOR], status };
  });
}
