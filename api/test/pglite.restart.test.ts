import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import type { WriterReport } from "./helpers/pglite-writer.ts";

// Why the embedded database could take tens of seconds to open after a kill -9, and the fix.
// PGlite is a single-user PostgreSQL with no checkpointer process: written WAL piled up behind the
// last checkpoint (up to about half of max_wal_size, 1 GB) and all of it was replayed on the next
// start. The api now checkpoints on a timer whenever WAL has moved.
const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), "helpers", "pglite-writer.ts");
const WRITE_MS = 5000;
/** The last two checkpoint intervals (300 ms) and a second of slack for a late timer. */
const WINDOW_MS = 2 * 300 + 1000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Writes for WRITE_MS in a child process opened the api's way, then kills it with SIGKILL, right after its last report. */
async function writeThenCrash(checkpointMs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pglite-crash-"));
  dirs.push(dir);
  const child = fork(WRITER, [dir, String(checkpointMs), String(WRITE_MS)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const reports: WriterReport[] = [];
  const done = new Promise<void>((resolve) => child.on("message", (message) => (message === "done" ? resolve() : void reports.push(message as WriterReport))));
  const died = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`writer exited (${code})`))));
  await Promise.race([done, died]);
  child.kill("SIGKILL");
  await died.catch(() => undefined);
  const last = reports.at(-1)!;
  return { dir, reports, last };
}

test.each([
  { checkpointMs: 3_600_000, label: "without checkpoints (as before): every byte written is left to replay" },
  { checkpointMs: 300, label: "with checkpoints every 300 ms: the replay is bounded by what the last interval wrote" },
])("PGlite after kill -9, $label; the restart is logged and loses nothing", { timeout: 120_000 }, async ({ checkpointMs }) => {
  const { dir, reports, last } = await writeThenCrash(checkpointMs);
  // What was written in the last WINDOW_MS before the crash (plus a batch of slack): with
  // checkpoints, the replay is no more than that; without, it is everything since the start.
  const windowStart = [...reports].reverse().find((r) => r.t < last.t - WINDOW_MS) ?? reports[0]!;
  const recent = last.walAt - windowStart.walAt + 512 * 1024;
  const written = last.walAt - reports[0]!.walAt;
  if (checkpointMs > 60_000) {
    expect(written).toBeGreaterThan(recent);
    expect(last.walBehind).toBeGreaterThan(written);
  } else {
    expect(last.walBehind).toBeLessThan(recent);
  }

  const logs: { msg: string; fields: Record<string, unknown> }[] = [];
  const note = (fields: Record<string, unknown>, msg: string) => void logs.push({ msg, fields });
  const reopened = await openDatabase({ kind: "pglite", dir }, { logger: { info: note, warn: note, debug: note } as never });
  try {
    const [{ rows }] = (await reopened.query<{ rows: number }>("SELECT count(*)::int AS rows FROM wal_filler")) as [{ rows: number }];
    expect(rows).toBe(last.rows);
  } finally {
    await reopened.close();
  }
  expect(logs.map((l) => l.msg)).toContain("embedded database was not shut down cleanly: PostgreSQL replays its WAL since the last checkpoint before it opens");
  const opened = logs.find((l) => l.msg === "embedded database opened")?.fields;
  expect(opened).toMatchObject({ recovered: true, ms: expect.any(Number), cpuMs: expect.any(Number) });
  console.log(`checkpoint every ${checkpointMs} ms: ${(last.walBehind / 2 ** 20).toFixed(1)} MB of WAL to replay; reopened in ${opened!.ms} ms (${opened!.cpuMs} ms CPU)`);
});
