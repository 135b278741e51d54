import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { TEST_ORIGIN } from "./app.ts";
// @ts-expect-error plain ESM script shared with the hub and CI
import { API_NODE_ARGS } from "../../../scripts/setup.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: the process gets no chance to clean up, like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the built api (api/dist/main.mjs, as in production; global setup builds it) as a separate OS process and waits until
 * /api/health answers. Used where the behaviour spans processes: Redis fan-out, restarts.
 */
export async function spawnApi(env: Record<string, string>, port?: number): Promise<ApiProcess> {
  const p = port ?? (await freePort());
  let out = "";
  const child = spawn(process.execPath, API_NODE_ARGS, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(p),
      PUBLIC_URL: TEST_ORIGIN,
      LIVEKIT_URL: inject("livekitUrl"),
      // Tests sign up many people from one address; the registration throttle has its own tests.
      RATE_LIMIT_REGISTRATIONS_PER_HOUR: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`api exited (${code}):\n${out}`))));
  const healthy = (async () => {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([healthy, exited]);
  const waitExit = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve())));
  return {
    baseUrl: `http://127.0.0.1:${p}`,
    port: p,
    child,
    output: () => out,
    kill: async () => {
      child.kill("SIGKILL");
      await waitExit();
    },
    stop: async () => {
      child.kill("SIGTERM");
      await waitExit();
    },
  };
}
