// Finds or installs livekit-server, and runs it in dev mode on loopback.
// Order: `livekit-server` on PATH, then .tools/bin/server, else `go install` a pinned release there.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

// v1.13.x carry `replace` directives that break `go install`; v1.11.0 installs cleanly from the module proxy.
export const LIVEKIT_VERSION = "v1.11.0";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOOLS_BIN = path.join(ROOT, ".tools", "bin");

function onPath(name) {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Returns the path of a livekit-server binary, installing it when needed.
 * Resolves to `{ path }` or `{ error }` with a human explanation; never throws.
 */
export function ensureLivekitServer({ log = console.log } = {}) {
  const existing = onPath("livekit-server") ?? (fs.existsSync(path.join(TOOLS_BIN, "server")) ? path.join(TOOLS_BIN, "server") : undefined);
  if (existing) return { path: existing };
  if (!onPath("go")) return { error: "livekit-server is not on PATH and Go is not installed to build it (install Go 1.24+ or put livekit-server on PATH)" };
  log(`Installing livekit-server ${LIVEKIT_VERSION} with go install (first run only, a few minutes)…`);
  fs.mkdirSync(TOOLS_BIN, { recursive: true });
  const r = spawnSync("go", ["install", `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`], {
    env: { ...process.env, GOBIN: TOOLS_BIN, GOFLAGS: "-mod=mod" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0 || !fs.existsSync(path.join(TOOLS_BIN, "server"))) {
    return { error: `go install of livekit-server ${LIVEKIT_VERSION} failed (exit ${r.status}); check access to the Go module proxy` };
  }
  return { path: path.join(TOOLS_BIN, "server") };
}

/** Resolves once something accepts TCP connections on `port`; rejects after `timeoutMs`. */
export function waitForPort(port, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts livekit-server in dev mode (keys devkey/secret) bound to 127.0.0.1.
 * Ports: `port` for HTTP/WebSocket, `port + 1` for RTC over TCP, `port + 2` for RTC over UDP.
 * With `redis` ("host:port") the node joins every other node sharing that Redis as one cluster.
 */
export async function startLivekit({ binary, port = 7880, webhookUrl, remoteUnmute = false, redis, log = () => {} }) {
  // Something already answering here would be mistaken for our server (with other keys and webhooks).
  if (await waitForPort(port, 0).then(() => true, () => false)) throw new Error(`port ${port} is already in use`);
  const config = [
    `port: ${port}`,
    "rtc:",
    `  tcp_port: ${port + 1}`,
    `  udp_port: ${port + 2}`,
    "  use_external_ip: false",
    "  node_ip: 127.0.0.1",
    // Loopback only: offering the machine's other addresses as ICE candidates makes browsers probe
    // pairs that lead nowhere, and an ICE-lite server skips a connectivity-check round trip.
    "  enable_loopback_candidate: true",
    "  ips:",
    "    includes:",
    "      - 127.0.0.1/32",
    "  use_ice_lite: true",
    "keys:",
    "  devkey: secret",
    "room:",
    "  empty_timeout: 300",
    // Off in production: a server-side unmute could put someone on air without their consent.
    ...(remoteUnmute ? ["  enable_remote_unmute: true"] : []),
    ...(webhookUrl ? ["webhook:", "  api_key: devkey", "  urls:", `    - ${webhookUrl}`] : []),
    // LiveKit's own multi-node mode: nodes sharing one Redis route signalling to the node that hosts
    // each room, and a new room goes to the node holding the fewest (as of its last stats report).
    ...(redis ? ["redis:", `  address: ${redis}`, "node_selector:", "  kind: any", "  sort_by: rooms", "  algorithm: lowest"] : []),
    "logging:",
    "  level: warn",
  ].join("\n");
  const child = spawn(binary, ["--dev", "--bind", "127.0.0.1", "--config-body", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => log(String(d)));
  child.stderr.on("data", (d) => log(String(d)));
  const exited = new Promise((_, reject) => child.once("exit", (code) => reject(new Error(`livekit-server exited with code ${code}`))));
  await Promise.race([waitForPort(port, 20_000), exited]);
  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = ensureLivekitServer();
  if (found.error) {
    console.error(found.error);
    process.exit(1);
  }
  console.log(found.path);
}
