// Capacity for bench/interpretation.ts: listener bots spread over seven channels (the floor and six
// booths) in child processes, added in steps until one loses its channel, hears another's, fails
// to join, or a bound (count or time) is reached. CPU and memory of every process per step.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { FLOOR, type TChannel } from "@plenary/shared";
import type { ListenStrategy } from "../api/test/helpers/interpretation-listener.ts";
import type { CapacityCommand } from "./interpretation-capacity-worker.ts";
import { LANGUAGES, processUsage, type Person } from "./interpretation-stack.ts";
import { ROOT } from "./lib.ts";

const CHANNELS: TChannel[] = [FLOOR, ...LANGUAGES];

/** A ramp's state: how many listeners have joined, and why it stopped (set before it ends). */
export interface Ramp {
  joined: number;
  stoppedBecause: string;
}

/**
 * A ramp's batches: the next `step` listeners in turn, spread over the seven channels, until the
 * people or the time run out (`ramp.stoppedBecause` says which). The caller counts `ramp.joined`
 * and may stop early with a reason of its own.
 */
export function* batches(o: { people: Person[]; step: number; deadlineMs: number }, ramp: Ramp) {
  const started = Date.now();
  ramp.stoppedBecause = `all ${o.people.length} seeded listeners joined`;
  while (ramp.joined < o.people.length) {
    if (Date.now() - started > o.deadlineMs) {
      ramp.stoppedBecause = `time bound (${o.deadlineMs / 1000} s) reached`;
      return;
    }
    yield o.people.slice(ramp.joined, ramp.joined + o.step).map((person, i) => ({ person, channel: CHANNELS[(ramp.joined + i) % CHANNELS.length]! }));
  }
}

/** Starts watching processes' CPU and memory; the function it returns says each one's use since, per line. */
export function watchUsage(processes: Record<string, number>): () => string[] {
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, processUsage(pid)]));
  const t0 = Date.now();
  return () => {
    const wall = Date.now() - t0;
    return Object.entries(processes).map(([name, pid]) => {
      const now = processUsage(pid);
      return `${name} ${(((now.cpuMs - before[name]!.cpuMs) / wall) * 100).toFixed(0)}% ${(now.rssKb / 1024).toFixed(0)} MB`;
    });
  };
}
type Measure = { listeners: number; silent: number; lost: number; lostChannels: TChannel[]; worstCoverage: number; medianCoverage: number; crosstalkListeners: number; crosstalkFrames: number };

function startWorker(running: ChildProcess[]) {
  const child = fork(path.join(ROOT, "bench/interpretation-capacity-worker.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  running.push(child);
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const call = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) call?.reject(new Error(m.error));
    else call?.resolve(m.result);
  });
  child.on("exit", () => pending.forEach((p) => p.reject(new Error("worker exited"))));
  const call = <T>(command: CapacityCommand, timeoutMs = 120_000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => (pending.delete(id), reject(new Error(`${command.cmd} timed out`))), timeoutMs);
      pending.set(id, { resolve: (v) => (clearTimeout(timer), resolve(v as T)), reject: (e) => (clearTimeout(timer), reject(e)) });
      child.send({ id, ...command });
    });
  return { pid: child.pid!, call };
}

export interface CapacityOptions {
  apiUrl: string;
  sessionId: string;
  people: Person[];
  pids: { livekit: number; api: number };
  strategy: ListenStrategy;
  workers: number;
  step: number;
  windowMs: number;
  deadlineMs: number;
  log(line: string): void;
}

/** Ramps listeners up; returns the largest count at which every listener heard its own channel and nothing else. */
export async function measureCapacity(o: CapacityOptions): Promise<{ held: number; stoppedBecause: string }> {
  const running: ChildProcess[] = [];
  const workers = Array.from({ length: o.workers }, () => startWorker(running));
  const processes = { "livekit-server": o.pids.livekit, api: o.pids.api, "bench (interpreters, stage)": process.pid, ...Object.fromEntries(workers.map((w, i) => [`listener process ${i + 1}`, w.pid])) };
  let held = 0;
  const ramp: Ramp = { joined: 0, stoppedBecause: "" };
  try {
    for (const batch of batches(o, ramp)) {
      const t = Date.now();
      const joins = await Promise.allSettled(workers.map((w, k) => w.call({ cmd: "join", apiUrl: o.apiUrl, sessionId: o.sessionId, strategy: o.strategy, people: batch.filter((_, i) => i % o.workers === k) })));
      ramp.joined += batch.length;
      const failed = joins.find((j) => j.status === "rejected");
      if (failed) {
        ramp.stoppedBecause = `a join failed at ${ramp.joined}: ${String((failed as PromiseRejectedResult).reason).split("\n")[0]}`;
        break;
      }
      const joinMs = Date.now() - t;
      const usageSince = watchUsage(processes);
      const measures = await Promise.all(workers.map((w) => w.call<Measure>({ cmd: "measure", ms: o.windowMs })));
      const usage = usageSince();
      const m = measures.reduce((a, b) => ({
        listeners: a.listeners + b.listeners,
        lost: a.lost + b.lost,
        silent: a.silent + b.silent,
        lostChannels: [...new Set([...a.lostChannels, ...b.lostChannels])],
        worstCoverage: Math.min(a.worstCoverage, b.worstCoverage),
        medianCoverage: Math.min(a.medianCoverage, b.medianCoverage),
        crosstalkListeners: a.crosstalkListeners + b.crosstalkListeners,
        crosstalkFrames: a.crosstalkFrames + b.crosstalkFrames,
      }));
      o.log(
        `${String(m.listeners).padStart(4)} listeners (joined in ${(joinMs / 1000).toFixed(1)} s): lost ${m.lost}${m.lost ? ` (${m.lostChannels.join(" ")}; ${m.silent} played nothing)` : ""}, crosstalk ${m.crosstalkListeners} listeners/${m.crosstalkFrames} frames, ` +
          `own channel heard ${(m.worstCoverage * 100).toFixed(0)}% worst / ${(m.medianCoverage * 100).toFixed(0)}% median (lowest process) | CPU (of one core) and RSS: ${usage.join(", ")}`,
      );
      if (m.lost || m.crosstalkListeners) {
        ramp.stoppedBecause = `${m.lost} listeners lost their channel, ${m.crosstalkListeners} heard another at ${m.listeners}`;
        break;
      }
      held = m.listeners;
    }
  } finally {
    await Promise.allSettled(workers.map((w) => w.call({ cmd: "close" }, 30_000)));
    for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
  }
  return { held, stoppedBecause: ramp.stoppedBecause };
}
