import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Whether wrk (a C load generator, Debian package `wrk`) is installed. */
export const hasWrk = () => spawnSync("sh", ["-c", "command -v wrk"]).status === 0;

/**
 * Maximum throughput with wrk: far cheaper per request than a Node load generator, which matters
 * when generator and server share two cores. Returns requests/s and the non-2xx count.
 */
export function wrkThroughput(options: { url: string; method: string; headers: Record<string, string>; body?: string; seconds: number; connections: number }) {
  const lua = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wrk-")), "req.lua");
  const headers = Object.entries(options.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  fs.writeFileSync(
    lua,
    [
      `wrk.method = ${JSON.stringify(options.method)}`,
      ...(options.body ? [`wrk.body = ${JSON.stringify(options.body)}`] : []),
      ...headers,
      "non2xx = 0",
      "response = function(status) if status >= 300 then non2xx = non2xx + 1 end end",
    ].join("\n"),
  );
  const r = spawnSync("wrk", ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "-s", lua, options.url], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
  return { rps, non2xx };
}
