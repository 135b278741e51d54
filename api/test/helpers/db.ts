import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { inject } from "vitest";
import { ADMIN_URL, databaseUrl } from "./db-urls.ts";

export interface TestDatabase {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database cloned from the run's template; drop it when done. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("templateDb");
  const name = `plenary_t_${template.split("_").pop()}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = databaseUrl(name);
  const database = await openDatabase({ kind: "postgres", url });
  return {
    url,
    database,
    async drop() {
      await database.close();
      // pg's Pool.end() resolves before its sockets have closed; a FORCE drop that kills a closing
      // connection surfaces as an uncaught "terminating connection" error, so wait for them to go.
      for (let i = 0; i < 200; i++) {
        const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
