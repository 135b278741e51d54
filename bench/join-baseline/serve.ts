import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/**
 * Builds the join baseline (index.html + page.ts, minified like the client's production build) into
 * a scratch directory and serves it on loopback. It is bench-only: nothing of it reaches client/dist.
 * The URL names `localhost`, as the bench's Plenary URL does, so both pay the same name resolution.
 */
export async function serveJoinBaseline(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-join-baseline-"));
  await esbuild.build({
    entryPoints: [path.join(HERE, "page.ts")],
    outfile: path.join(dir, "page.js"),
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    logLevel: "warning",
  });
  fs.copyFileSync(path.join(HERE, "index.html"), path.join(dir, "index.html"));
  const files = new Map(["index.html", "page.js"].map((name) => [`/${name === "index.html" ? "" : name}`, { body: fs.readFileSync(path.join(dir, name)), type: TYPES[path.extname(name)]! }]));
  const server = http.createServer((req, res) => {
    const file = files.get(new URL(req.url ?? "/", "http://x").pathname);
    if (!file) return void res.writeHead(404).end();
    // No caching, as for a first visit to Plenary's page: each join runs in a fresh browser context.
    res.writeHead(200, { "Content-Type": file.type, "Cache-Control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
