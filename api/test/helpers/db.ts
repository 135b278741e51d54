import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { ADMIN_URL, TEMPLATE_DB, databaseUrl } from "./db-urls.ts";

export interface TestDatabase {
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database cloned from the run's template; drop it when done. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `plenary_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  const url = databaseUrl(name);
  const database = await openDatabase({ kind: "postgres", url });
  return {
    url,
    database,
    async drop() {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
