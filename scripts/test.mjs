// `npm test`: installs what the suite needs (npm packages, Chromium and nginx from Debian,
// livekit-server from the Go module proxy), builds the client, then runs every Vitest project and prints
// one closing line "Tests: N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApi, buildClient, generatePrismaClient, installPackages, ROOT, run } from "./setup.mjs";
import { ensureNginx } from "./cluster-lib.mjs";
import { ensureLivekitServer } from "./livekit.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Runs a command with its output passed through; resolves with its exit code. */
const checked = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit" });
    child.on("exit", (code) => resolve({ command: `${cmd} ${args[0]}`, code: code ?? 1 }));
    child.on("error", () => resolve({ command: `${cmd} ${args[0]}`, code: 1 }));
  });

installPackages();
generatePrismaClient();
if (!fs.existsSync(CHROMIUM)) {
  console.log("› Installing Chromium from Debian for the browser tests…");
  const apt = (...args) => (process.getuid?.() === 0 ? run("apt-get", args) : run("sudo", ["apt-get", ...args]));
  apt("update", "-qq");
  apt("install", "-y", "-qq", "chromium");
}
// The cluster tests put nginx in front of api replicas; installing it here keeps apt out of their set-up time.
ensureNginx();
const livekit = ensureLivekitServer();
if (livekit.error) {
  console.error(`Cannot run the suite without livekit-server: ${livekit.error}`);
  process.exit(1);
}
// Static checks first: a type error or a lint finding fails the run before the slow suites start.
// tsc and eslint run side by side (neither keeps both cores busy), the builds meanwhile.
console.log("› Type-checking (tsc --noEmit) and linting (eslint)…");
const checks = [checked("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]), checked("npx", ["eslint", "--max-warnings=0", "."])];
buildClient();
await buildApi();
const failed = (await Promise.all(checks)).filter((c) => c.code !== 0);
if (failed.length > 0) {
  console.error(`${failed.map((c) => c.command).join(" and ")} failed`);
  process.exit(1);
}

const report = path.join(os.tmpdir(), `plenary-vitest-${process.pid}.json`);
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const result = spawnSync("npx", args, { cwd: ROOT, stdio: "inherit" });
if (fs.existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(fs.readFileSync(report, "utf8"));
  fs.rmSync(report);
  console.log(`Tests: ${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ""}`);
}
process.exit(result.status ?? 1);
