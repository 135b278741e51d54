import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabase } from "../src/db/client.ts";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer, startLivekit } from "../../scripts/livekit.mjs";
// @ts-expect-error plain ESM script shared with the hub and CI
import { buildApi } from "../../scripts/setup.mjs";
import { ADMIN_URL, databaseUrl } from "./helpers/db-urls.ts";

declare module "vitest" {
  export interface ProvidedContext {
    livekitUrl: string;
    templateDb: string;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Once per run: a migrated template database (each test file clones it, so files run in
 * parallel without sharing rows) and one real livekit-server.
 */
export default async function setup(project: TestProject) {
  await buildApi(); // the cross-process tests run the built api, as production does
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  admin.on("error", () => undefined);
  await admin.connect();
  // Database names carry the pid of the run that made them, so concurrent runs never drop each
  // other's databases; leftovers of dead runs are swept here.
  const existing = await admin.query("SELECT datname FROM pg_database WHERE datname ~ '^plenary_(t|tmpl)_[0-9]+'");
  for (const { datname } of existing.rows) {
    const pid = Number(/^plenary_(?:t|tmpl)_(\d+)/.exec(datname)![1]);
    if (!alive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const templateDb = `plenary_tmpl_${process.pid}`;
  await admin.query(`CREATE DATABASE "${templateDb}"`);
  const template = await openDatabase({ kind: "postgres", url: databaseUrl(templateDb) });
  await template.close();
  project.provide("templateDb", templateDb);

  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  // A port block derived from the pid keeps concurrent runs (a developer's and CI's) apart.
  const livekit = await startLivekit({ binary: binary.path, port: 20000 + (process.pid % 2000) * 10 });
  project.provide("livekitUrl", livekit.url);

  return async () => {
    await livekit.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
    await admin.end();
  };
}
