import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { chromium, type Browser } from "playwright-core";
// @ts-expect-error plain ESM scripts shared with the hub and CI
import { ensureLivekitServer, startLivekit } from "../scripts/livekit.mjs";
// @ts-expect-error plain ESM scripts shared with the hub and CI
import { API_NODE_ARGS, buildApi, buildClient } from "../scripts/setup.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Writes a mono 16-bit PCM WAV of a sine tone: the "floor" audio Chromium captures as its microphone. */
export function writeToneWav(file: string, { seconds = 30, hz = 440, rate = 48000 } = {}): string {
  const samples = seconds * rate;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write("RIFF", 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write("WAVEfmt ", 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 0.5 * 32767), 44 + i * 2);
  fs.writeFileSync(file, buf);
  return file;
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole hub as a user runs it, on real parts: a fresh PostgreSQL database with the demo seed,
 * a real livekit-server with its webhook pointed at the api, and the api serving the built client.
 */
export async function startStack(options: { port: number; livekitPort: number; dbName: string; log?: (s: string) => void }): Promise<Stack> {
  buildClient();
  await buildApi();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${options.dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${options.dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${options.dbName}`;
  const databaseUrl = url.toString();

  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  const baseUrl = `http://localhost:${options.port}`;
  const livekit = await startLivekit({ binary: binary.path, port: options.livekitPort, webhookUrl: `http://127.0.0.1:${options.port}/api/livekit/webhook` });

  let output = "";
  const api: ChildProcess = spawn(process.execPath, API_NODE_ARGS, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      LIVEKIT_URL: livekit.url,
      CLIENT_DIST: "client/dist",
      SEED_DEMO: "true",
      RATE_LIMIT_TOKENS_PER_MINUTE: "600",
      // The browser tests sign up many people from one address; the registration throttle has its own tests.
      RATE_LIMIT_REGISTRATIONS_PER_HOUR: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout!.on("data", (d) => ((output += d), options.log?.(String(d))));
  api.stderr!.on("data", (d) => ((output += d), options.log?.(String(d))));
  for (let i = 0; ; i++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (api.exitCode !== null || i > 300) {
      api.kill("SIGKILL");
      await livekit.stop();
      await admin.end();
      throw new Error(`api did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    databaseUrl,
    async stop() {
      await new Promise<void>((resolve) => (api.exitCode !== null ? resolve() : (api.once("exit", () => resolve()), api.kill("SIGTERM"))));
      await livekit.stop();
      await admin.query(`DROP DATABASE IF EXISTS "${options.dbName}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Headless Debian Chromium with fake media devices; the microphone plays `wav`. Autoplay is allowed
 * unless `autoplay: false`, which makes the browser block sound until a click, as a real one does.
 */
export function launchChromium(wav?: string, options: { autoplay?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--autoplay-policy=${options.autoplay === false ? "user-gesture-required" : "no-user-gesture-required"}`,
      ...(wav ? [`--use-file-for-fake-audio-capture=${wav}`] : []),
    ],
  });
}

export const tmpFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plenary-e2e-")), name);

export const DEMO_PASSWORD = "plenary-demo-2024";
