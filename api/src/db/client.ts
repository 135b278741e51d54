import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type SqlExecutor } from "./migrate.ts";
import { openPglite, type DbLogger } from "./pglite.ts";

export type Db = InstanceType<typeof PrismaClient>;

/**
 * Plain parameterised SQL for the few hot paths (cookie lookup, token role lookup): Prisma's
 * client adds ~1.5 ms per query here, raw pg ~0.2 ms (bench/token-issuance.ts).
 */
export type SqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs `work` in one plain-SQL transaction on one connection: committed if it resolves, rolled back
 * if it throws. Prisma's interactive transactions cost ~4 ms each here; this costs ~1 ms.
 */
export type SqlTransaction = <T>(work: (sql: SqlQuery) => Promise<T>) => Promise<T>;

/** A connected database with migrations applied. */
export interface Database {
  prisma: Db;
  query: SqlQuery;
  transaction: SqlTransaction;
  kind: "postgres" | "pglite";
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** PostgreSQL by URL, or embedded PGlite in a directory (checkpointed every `checkpointMs`, 30 s unless told). */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string; checkpointMs?: number };

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite
 * in a directory that survives restarts. Pending migrations are applied before Prisma connects.
 */
export async function openDatabase(db: DatabaseTarget, options: { logger?: DbLogger } = {}): Promise<Database> {
  if (db.kind === "postgres") {
    // One dedicated connection for migrations: the advisory lock is held per connection.
    const migrator = new pg.Client({ connectionString: db.url });
    await migrator.connect();
    try {
      await applyMigrations({
        exec: async (sql) => void (await migrator.query(sql)),
        query: async (sql, params) => (await migrator.query(sql, params as unknown[])).rows,
      });
    } finally {
      await migrator.end();
    }
    const pool = new pg.Pool({ connectionString: db.url, max: 10 });
    // An idle connection the server closes (a PostgreSQL restart or failover) is reported here; with
    // no listener it would be thrown and end the process. The pool opens a new one when next needed.
    pool.on("error", (err) => options.logger?.warn({ err: err.message }, "PostgreSQL closed an idle connection; the pool reconnects on next use"));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      query: async <T,>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
      transaction: async (work) => {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query("BEGIN");
          const result = await work(async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[]);
          await client.query("COMMIT");
          return result;
        } catch (err) {
          // A connection that cannot even roll back is dropped rather than handed to the next caller.
          broken = await client.query("ROLLBACK").then(() => false, () => true);
          throw err;
        } finally {
          client.release(broken);
        }
      },
      kind: "postgres",
      ping: () => pool.query("select 1").then(() => true, () => false),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { lite, stopCheckpoints } = await openPglite({ dir: db.dir, checkpointMs: db.checkpointMs ?? 30_000, logger: options.logger });
  const exec: SqlExecutor = {
    exec: async (sql) => void (await lite.exec(sql)),
    query: async (sql, params) => (await lite.query(sql, params as unknown[])).rows as Record<string, unknown>[],
  };
  await applyMigrations(exec);
  // pglite-prisma-adapter 0.6 is typed against an older driver-adapter-utils; the runtime protocol matches.
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) as never });
  return {
    prisma,
    query: async <T,>(sql: string, params: unknown[] = []) => (await lite.query<T>(sql, params)).rows,
    transaction: (work) => lite.transaction((tx) => work(async <T,>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows)),
    kind: "pglite",
    ping: () => lite.query("select 1").then(() => true, () => false),
    close: async () => {
      await stopCheckpoints();
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
