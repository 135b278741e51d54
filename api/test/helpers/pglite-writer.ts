// A child process for api/test/pglite.restart.test.ts: opens an embedded database the api's way,
// writes small batches (about 256 kB of WAL each, paced) for `durationMs`, reporting after each,
// then says "done" and waits to be killed, so the parent knows what was behind the last checkpoint.
import { openDatabase } from "../../src/db/client.ts";

export interface WriterReport {
  /** When the batch was written (ms, this process's clock; only differences count). */
  t: number;
  /** WAL written since the last checkpoint: what a restart after a crash would replay. */
  walBehind: number;
  /** WAL position, in bytes from the start. */
  walAt: number;
  rows: number;
}

const [dir, checkpointMs, durationMs] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number];
const database = await openDatabase({ kind: "pglite", dir, checkpointMs });
await database.query("CREATE TABLE IF NOT EXISTS wal_filler (body text)");
const until = performance.now() + durationMs;
while (performance.now() < until) {
  await database.query("INSERT INTO wal_filler SELECT md5(random()::text) || repeat(md5(random()::text), 30) FROM generate_series(1, 250)");
  const [report] = await database.query<WriterReport>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 AS "walBehind", pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 AS "walAt",
            (SELECT count(*)::int FROM wal_filler) AS rows FROM pg_control_checkpoint()`,
  );
  process.send!({ ...report!, t: performance.now() });
  // Paced like a busy api rather than a bulk load: the amount written stays modest on a fast machine.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.send!("done");
