import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer, startLivekit } from "../../scripts/livekit.mjs";
import { ADMIN_URL, TEMPLATE_DB, databaseUrl } from "./helpers/db-urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    livekitUrl: string;
  }
}

/**
 * Once per run: a migrated template database (each test file clones it, so files run in
 * parallel without sharing rows) and one real livekit-server on ports 7890-7892.
 */
export default async function setup(project: TestProject) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'plenary_t_%' OR datname = $1", [TEMPLATE_DB]);
  for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  const template = await openDatabase({ kind: "postgres", url: databaseUrl(TEMPLATE_DB) });
  await template.close();

  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  const livekit = await startLivekit({ binary: binary.path, port: 7890 });
  project.provide("livekitUrl", livekit.url);

  return async () => {
    await livekit.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.end();
  };
}
