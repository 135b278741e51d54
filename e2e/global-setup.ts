import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStack, tmpFile, writeToneWav } from "./harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eDatabaseUrl: string;
    toneWav: string;
    screenshotDir: string;
  }
}

/** One stack for the browser tests: api + built client + livekit-server + PostgreSQL, demo-seeded. */
export default async function setup(project: TestProject) {
  // Ports and database derive from the pid so that concurrent runs (a developer's and CI's) never collide.
  // 40000+ stays clear of the integration project's livekit block (20000 + (pid % 2000) * 10), which
  // the same run (same pid) would otherwise hit for every pid with pid % 2000 >= 1000.
  const base = 40000 + (process.pid % 1000) * 10;
  const stack = await startStack({ port: base, livekitPort: base + 1, dbName: `plenary_e2e_${process.pid}` });
  const screenshotDir = path.resolve("test-results/screenshots");
  fs.mkdirSync(screenshotDir, { recursive: true });
  project.provide("e2eBaseUrl", stack.baseUrl);
  project.provide("e2eDatabaseUrl", stack.databaseUrl);
  project.provide("toneWav", writeToneWav(tmpFile("floor-tone.wav")));
  project.provide("screenshotDir", screenshotDir);
  return () => stack.stop();
}
