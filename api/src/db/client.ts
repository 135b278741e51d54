import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import type { Config } from "../config.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type SqlExecutor } from "./migrate.ts";

export type Db = InstanceType<typeof PrismaClient>;

/**
 * Plain parameterised SQL for the few hot paths (cookie lookup, token role lookup): Prisma's
 * client adds ~1.5 ms per query here, raw pg ~0.2 ms (bench/token-issuance.ts).
 */
export type SqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A connected database with migrations applied. */
export interface Database {
  prisma: Db;
  query: SqlQuery;
  kind: "postgres" | "pglite";
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite
 * in a directory that survives restarts. Pending migrations are applied before Prisma connects.
 */
export async function openDatabase(db: Config["database"]): Promise<Database> {
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
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      query: async <T,>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
      kind: "postgres",
      ping: () => pool.query("select 1").then(() => true, () => false),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  fs.mkdirSync(db.dir, { recursive: true });
  const lite = await PGlite.create(db.dir);
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
    kind: "pglite",
    ping: () => lite.query("select 1").then(() => true, () => false),
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
