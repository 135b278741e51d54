// One load-generator process for the capacity part of bench/interpretation.ts: holds a share of
// the listener bots (a socket and a LiveKit participant each) and counts, per listener, frames of
// its own channel's tone and of any other channel's (at 8 kHz: a sixth of the samples to move and
// analyse, still far above the highest tone). Driven over IPC; never run on its own.
import { dispose } from "@livekit/rtc-node";
import type { TChannel } from "@plenary/shared";
import { joinInterpretationListener, type InterpretationListener, type ListenStrategy } from "../api/test/helpers/interpretation-listener.ts";
import { toneOf } from "./interpretation-listening.ts";
import { ALL_TONES, BOOTH_TONES, connectPerson, FLOOR_HZ, processUsage, type BoothLanguage, type Person } from "./interpretation-stack.ts";

export type CapacityCommand =
  | { cmd: "join"; apiUrl: string; sessionId: string; strategy: ListenStrategy; people: { person: Person; channel: TChannel }[] }
  | { cmd: "measure"; ms: number }
  | { cmd: "usage" }
  | { cmd: "close" };

interface Bot {
  listener: InterpretationListener;
  channel: TChannel;
  own: number;
  played: number;
  /** Frames of a voice other than the channel's on-air interpreter, or of another channel's tone at full level. */
  foreign: number;
}
/** Half a test tone's amplitude: another channel's tone this loud is a voice played, not detector leakage. */
const FULL_LEVEL = 0.15;
const bots: Bot[] = [];

const expected = (channel: TChannel) => (channel === "floor" ? FLOOR_HZ : BOOTH_TONES[channel as BoothLanguage]);

async function join(command: Extract<CapacityCommand, { cmd: "join" }>) {
  for (let i = 0; i < command.people.length; i += 10) {
    await Promise.all(
      command.people.slice(i, i + 10).map(async ({ person, channel }) => {
        const me = await connectPerson(command.apiUrl, command.sessionId, person, "attendee");
        const listener = await joinInterpretationListener({ ...me, sessionId: command.sessionId, channel, floorLevel: 0.25, frequencies: ALL_TONES, strategy: command.strategy, keepFrames: false, sampleRate: 8000 });
        const bot: Bot = { listener, channel, own: 0, played: 0, foreign: 0 };
        const hz = expected(channel);
        const onAir = () => listener.state?.channels.find((c) => c.channel === channel)?.identity;
        listener.onFrame((f) => {
          const tone = toneOf(f);
          bot.played++;
          // The floor tone is its own channel's for floor listeners, and under every booth channel.
          if (tone === hz && (channel === "floor" || f.source !== "floor")) bot.own++;
          const otherVoice = f.source !== "floor" && f.source !== onAir();
          const otherTone = tone !== undefined && tone !== hz && tone !== FLOOR_HZ && f.levels[tone]! >= FULL_LEVEL;
          if (otherVoice || otherTone) bot.foreign++;
        });
        // Joined means audio arrives: the window judges listening, not subscribing.
        await listener.waitFor(() => true, 30_000).catch(() => undefined);
        bots.push(bot);
      }),
    );
  }
  return bots.length;
}

/** Over `ms`: listeners that heard their channel less than half the time (lost) and any crosstalk. */
async function measure(ms: number) {
  for (const bot of bots) [bot.own, bot.played, bot.foreign] = [0, 0, 0];
  await new Promise((r) => setTimeout(r, ms));
  const coverage = bots.map((b) => (b.own * 10) / ms);
  return {
    listeners: bots.length,
    lost: coverage.filter((c) => c < 0.5).length,
    lostChannels: [...new Set(bots.filter((_, i) => coverage[i]! < 0.5).map((b) => b.channel))],
    worstCoverage: Math.min(...coverage),
    medianCoverage: [...coverage].sort((a, b) => a - b)[Math.floor(coverage.length / 2)] ?? 0,
    silent: bots.filter((b) => b.played === 0).length,
    crosstalkListeners: bots.filter((b) => b.foreign > 0).length,
    crosstalkFrames: bots.reduce((n, b) => n + b.foreign, 0),
  };
}

const handlers = {
  join,
  measure: ({ ms }: { ms: number }) => measure(ms),
  usage: async () => processUsage(process.pid),
  async close() {
    await Promise.all(bots.map((b) => b.listener.close()));
    await dispose();
    return bots.length;
  },
};

process.on("message", async (message: CapacityCommand & { id: number }) => {
  try {
    const result = await (handlers[message.cmd] as (m: CapacityCommand) => Promise<unknown>)(message);
    process.send!({ id: message.id, result });
    if (message.cmd === "close") process.exit(0);
  } catch (err) {
    process.send!({ id: message.id, error: String(err instanceof Error ? err.stack : err) });
  }
});
