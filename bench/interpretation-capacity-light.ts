// Capacity with light listeners for bench/interpretation.ts (BENCH_PARTS=capacity-light). The
// rtc-node bots of the capacity part decode and check every tone, and on two cores they, not the
// SFU, run out first (about 56). Here each listener is what the SFU and the api see of one: a token
// from the api, a Socket.IO connection that selects its channel (the api counts and records it),
// and a LiveKit participant subscribed to that channel's publisher only, held by one Go process
// (bench/listener-bot: server-sdk-go on pion, no decoding) that counts the RTP packets each
// listener gets from its publisher and from anyone else. Steps of listeners are added until one
// loses its channel, gets another's packets, fails to join, or a bound is reached.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { TChannel } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import { batches, type Ramp, watchUsage } from "./interpretation-capacity.ts";
import type { Person } from "./interpretation-stack.ts";
import { ROOT } from "./lib.ts";

const BOT_DIR = path.join(ROOT, "bench", "listener-bot");
const BOT = path.join(ROOT, ".tools", "bin", "listener-bot");
/** Opus frames are 20 ms: a listener that gets half of them has lost its channel. */
const PACKETS_PER_SECOND = 50;

/** Builds the Go bot (its modules come from the Go module proxy, like livekit-server's). */
function buildBot(): void {
  const built = spawnSync("go", ["build", "-o", BOT, "."], { cwd: BOT_DIR, stdio: "inherit", env: { ...process.env, GOFLAGS: "-mod=mod" } });
  if (built.status !== 0) throw new Error("could not build bench/listener-bot (go build failed)");
}

/** The bot process: one JSON line in, one JSON line out. */
function startBot() {
  const child = spawn(BOT, [], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const call = async <T>(command: object): Promise<T> => {
    child.stdin!.write(`${JSON.stringify(command)}\n`);
    const next = await lines.next();
    if (next.done) throw new Error("listener-bot exited");
    return JSON.parse(next.value) as T;
  };
  return { pid: child.pid!, call, kill: () => child.kill("SIGKILL") };
}

export interface LightCapacityOptions {
  apiUrl: string;
  sessionId: string;
  people: Person[];
  /** Each channel's publisher identity: the stage for the floor, the on-air interpreter for a booth. */
  publishers: Record<TChannel, string>;
  pids: { livekit: number; api: number };
  step: number;
  windowMs: number;
  deadlineMs: number;
  log(line: string): void;
}

async function listenerSocket(apiUrl: string, sessionId: string, person: Person, channel: TChannel): Promise<Socket> {
  const socket = io(apiUrl, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 20_000, extraHeaders: { Cookie: person.cookie, Origin: apiUrl } });
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  const ack = (await socket.timeout(20_000).emitWithAck("interpretation:select", { sessionId, channel })) as { error?: { code: string } };
  if (ack.error) throw new Error(`select ${channel}: ${ack.error.code}`);
  return socket;
}

async function token(apiUrl: string, sessionId: string, person: Person): Promise<{ url: string; token: string }> {
  const res = await fetch(`${apiUrl}/api/sessions/${sessionId}/token`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: person.cookie, origin: apiUrl },
    body: JSON.stringify({ role: "attendee" }),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { serverUrl: string; token: string };
  return { url: body.serverUrl, token: body.token };
}

/** Ramps light listeners up; returns the largest count at which every one got its own channel and nothing else. */
export async function measureLightCapacity(o: LightCapacityOptions): Promise<{ held: number; stoppedBecause: string }> {
  buildBot();
  const bot = startBot();
  const sockets: Socket[] = [];
  const processes = { "livekit-server": o.pids.livekit, api: o.pids.api, "bench (publishers, listeners' sockets)": process.pid, "listener-bot (Go)": bot.pid };
  let held = 0;
  const ramp: Ramp = { joined: 0, stoppedBecause: "" };
  const channels: TChannel[] = [];
  try {
    for (const batch of batches(o, ramp)) {
      const t = Date.now();
      try {
        const jobs = [];
        for (let i = 0; i < batch.length; i += 20) {
          jobs.push(
            ...(await Promise.all(
              batch.slice(i, i + 20).map(async ({ person, channel }) => {
                sockets.push(await listenerSocket(o.apiUrl, o.sessionId, person, channel));
                return { ...(await token(o.apiUrl, o.sessionId, person)), from: o.publishers[channel] };
              }),
            )),
          );
        }
        const answer = await bot.call<{ joined: number; failed: number; error: string }>({ join: jobs });
        if (answer.failed) throw new Error(`${answer.failed} LiveKit joins failed: ${answer.error}`);
      } catch (err) {
        ramp.stoppedBecause = `a join failed at ${ramp.joined + batch.length}: ${String(err).split("\n")[0]}`;
        break;
      }
      ramp.joined += batch.length;
      channels.push(...batch.map((b) => b.channel));
      const joinMs = Date.now() - t;

      await bot.call({ report: true });
      const usageSince = watchUsage(processes);
      const t0 = Date.now();
      await new Promise((resolve) => setTimeout(resolve, o.windowMs));
      const { own, foreign } = await bot.call<{ own: number[]; foreign: number[] }>({ report: true });
      const wall = Date.now() - t0;
      const usage = usageSince();
      const coverage = own.map((n) => n / ((wall / 1000) * PACKETS_PER_SECOND));
      const lost = coverage.flatMap((c, i) => (c < 0.5 ? [channels[i]!] : []));
      const crosstalk = foreign.filter((n) => n > 0).length;
      const sorted = [...coverage].sort((a, b) => a - b);
      o.log(
        `${String(own.length).padStart(4)} listeners (+${batch.length} in ${(joinMs / 1000).toFixed(1)} s): lost ${lost.length}${lost.length ? ` (${[...new Set(lost)].join(" ")})` : ""}, crosstalk ${crosstalk}, ` +
          `own channel's packets ${(sorted[0]! * 100).toFixed(0)}% worst / ${(sorted[Math.floor(sorted.length / 2)]! * 100).toFixed(0)}% median | CPU (of one core) and RSS: ${usage.join(", ")}`,
      );
      if (lost.length || crosstalk) {
        ramp.stoppedBecause = `${lost.length} listeners lost their channel, ${crosstalk} got another's packets at ${own.length}`;
        break;
      }
      held = own.length;
    }
  } finally {
    await Promise.race([bot.call({ close: true }), new Promise((resolve) => setTimeout(resolve, 30_000))]).catch(() => undefined);
    bot.kill();
    sockets.forEach((s) => s.disconnect());
  }
  return { held, stoppedBecause: ramp.stoppedBecause };
}
