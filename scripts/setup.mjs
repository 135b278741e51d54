// Shared set-up steps for `npm run hub` and `npm test`: install packages, generate the Prisma
// client, build the web client. Each step is skipped when its output is already up to date.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status})`);
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

function newestUnder(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(p) : mtime(p));
  }
  return newest;
}

export function installPackages() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  if (mtime(marker) >= mtime(path.join(ROOT, "package-lock.json"))) return;
  console.log("› Installing npm packages…");
  // --prefer-offline: what npm's cache on this machine already holds is not asked for again.
  run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"]);
}

export function generatePrismaClient() {
  const out = path.join(ROOT, "api", "src", "generated", "prisma", "client.ts");
  if (mtime(out) >= mtime(path.join(ROOT, "prisma", "schema.prisma"))) return;
  console.log("› Generating the Prisma client…");
  run("npx", ["prisma", "generate"]);
}

export function buildClient() {
  const built = path.join(ROOT, "client", "dist", "index.html");
  const sources = Math.max(newestUnder(path.join(ROOT, "client", "src")), newestUnder(path.join(ROOT, "shared", "src")), mtime(path.join(ROOT, "client", "index.html")), mtime(path.join(ROOT, "client", "vite.config.ts")));
  if (mtime(built) >= sources) return;
  console.log("› Building the web client…");
  // Always the production build: under vitest NODE_ENV is "test", which would give React's
  // development build (StrictMode runs every effect twice, so a page joins its room twice).
  run("npm", ["run", "build", "-w", "client"], { env: { ...process.env, NODE_ENV: "production" } });
}

/** Where `buildApi` writes the api: one ES module, run with `node --enable-source-maps`. */
export const API_BUNDLE = path.join(ROOT, "api", "dist", "main.mjs");

/**
 * Bundles the api's TypeScript (and the shared contract, which is TypeScript too) into one plain
 * JS module; npm packages stay external. Production and the hub run this, not tsx: no loader
 * thread, no compile step at start-up, a smaller heap.
 */
export async function buildApi() {
  const sources = Math.max(newestUnder(path.join(ROOT, "api", "src")), newestUnder(path.join(ROOT, "shared", "src")));
  if (mtime(API_BUNDLE) >= sources) return;
  console.log("› Building the api…");
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(ROOT, "api", "src", "main.ts")],
    outfile: API_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: { "@plenary/shared": path.join(ROOT, "shared", "src", "index.ts") },
    sourcemap: true,
    logLevel: "warning",
  });
}

/** Node arguments that run the built api (after `buildApi`). */
export const API_NODE_ARGS = ["--enable-source-maps", API_BUNDLE];
