import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The two raw operations migrations need, over either pg or PGlite. */
export interface SqlExecutor {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** `prisma/migrations` in the nearest folder above this module: the source tree or the built api/dist. */
function findMigrationsDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no prisma/migrations folder above ${from}`);
  }
}
const MIGRATIONS_DIR = findMigrationsDir(path.dirname(fileURLToPath(import.meta.url)));

// Same table and checksum as `prisma migrate deploy`, so either tool can take over from the other.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** A SQL string literal (exec takes no parameters; values here are ids, hashes and folder names). */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Applies committed Prisma migrations that have not run yet, each in its own transaction.
 * Runs in-process because the embedded PGlite database cannot be opened by a second process.
 */
export async function applyMigrations(db: SqlExecutor, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  // Serialise concurrent starters (several api replicas) on one advisory lock.
  await db.exec("SELECT pg_advisory_lock(727274)");
  try {
    const rows = await db.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const done = new Set(rows.map((r) => String(r.migration_name)));
    const pending = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !done.has(d.name))
      .map((d) => d.name)
      .sort();
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      // The migration and its record commit together: a crash between them must not leave a
      // schema change that the next start would try to apply again.
      const record = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (${literal(randomUUID())}, ${literal(checksum)}, now(), ${literal(name)}, 1);`;
      await db.exec(`BEGIN;\n${sql}\n${record}\nCOMMIT;`).catch(async (err: unknown) => {
        await db.exec("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
      });
    }
    return pending;
  } finally {
    await db.exec("SELECT pg_advisory_unlock(727274)");
  }
}
