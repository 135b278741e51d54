import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "pino";

/** Where start-up and checkpoint notes go; the api passes its pino logger. */
export type DbLogger = Pick<Logger, "info" | "warn" | "debug">;

/** Write-ahead log behind the last checkpoint below which a checkpoint is not worth its pause. */
const CHECKPOINT_MIN_WAL_BYTES = 64 * 1024;
/** How often a slow open says it is still at work. */
const PROGRESS_MS = 5000;

/**
 * Opens the embedded database in `dir`, logging how long it took and whether it had to recover.
 *
 * PGlite is a single-user PostgreSQL backend: it has no checkpointer process, so nothing
 * checkpoints until about half of max_wal_size (1 GB) of WAL has piled up, and after a kill -9 the
 * next start replays all of it, on a CPU the restart storm is also fighting for. Checkpointing
 * every `checkpointMs` whenever WAL has moved keeps that replay to the writes of one interval.
 */
export async function openPglite(options: { dir: string; checkpointMs: number; logger?: DbLogger }) {
  const { dir, checkpointMs, logger } = options;
  fs.mkdirSync(dir, { recursive: true });
  // PostgreSQL removes its lock file on a clean shutdown; finding it means the last process died.
  const unclean = fs.existsSync(path.join(dir, "postmaster.pid"));
  if (unclean) logger?.warn({ dir }, "embedded database was not shut down cleanly: PostgreSQL replays its WAL since the last checkpoint before it opens");
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const progress = setInterval(() => logger?.warn({ seconds: Math.round((performance.now() - startedAt) / 1000) }, "still opening the embedded database"), PROGRESS_MS);
  let lite: PGlite;
  try {
    lite = await PGlite.create(dir);
  } finally {
    clearInterval(progress);
  }
  const cpu = process.cpuUsage(cpuAtStart);
  logger?.info({ ms: Math.round(performance.now() - startedAt), cpuMs: Math.round((cpu.user + cpu.system) / 1000), recovered: unclean }, "embedded database opened");

  let running: Promise<void> | undefined;
  const checkpoint = async () => {
    const [{ behind }] = (await lite.query<{ behind: number }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 AS behind FROM pg_control_checkpoint()")).rows as [{ behind: number }];
    if (behind < CHECKPOINT_MIN_WAL_BYTES) return;
    const t = performance.now();
    await lite.exec("CHECKPOINT");
    logger?.debug({ walBytes: behind, ms: Math.round(performance.now() - t) }, "embedded database checkpoint");
  };
  const timer = setInterval(() => {
    running ??= checkpoint()
      .catch((err: unknown) => logger?.warn({ err }, "embedded database checkpoint failed"))
      .finally(() => (running = undefined));
  }, checkpointMs);
  timer.unref();

  return {
    lite,
    /** Stops checkpointing (before close, which checkpoints by itself). */
    async stopCheckpoints() {
      clearInterval(timer);
      await running;
    },
  };
}
