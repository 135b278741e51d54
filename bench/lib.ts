import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
// @ts-expect-error plain ESM script shared with the hub and CI
import { API_NODE_ARGS, buildApi } from "../scripts/setup.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Creates (or recreates) a scratch PostgreSQL database for a benchmark run. */
export async function scratchDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Runs a Node entry point as its own process and waits for `readyUrl`: the api as production runs
 * it (built, see scripts/setup.mjs), anything else (TypeScript) through tsx.
 */
export async function spawnNode(entry: string, env: Record<string, string>, readyUrl: string): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  let out = "";
  const isApi = entry === "api/src/main.ts";
  if (isApi) await buildApi();
  // BENCH_API_FLAGS (e.g. "--trace-gc" or "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the api's node
  // for diagnosis, and its output is then passed through to stderr.
  const flags = isApi ? (process.env.BENCH_API_FLAGS?.split(" ").filter(Boolean) ?? []) : [];
  const args = isApi ? [...flags, ...API_NODE_ARGS] : ["--import", "tsx", entry];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => ((out += d), flags.length > 0 && process.stderr.write(d)));
  child.stderr!.on("data", (d) => ((out += d), flags.length > 0 && process.stderr.write(d)));
  for (let i = 0; ; i++) {
    if (await fetch(readyUrl).then((r) => r.status < 500, () => false)) break;
    if (child.exitCode !== null || i > 600) throw new Error(`${entry} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
