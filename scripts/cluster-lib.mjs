// The pieces of a local Plenary cluster as plain processes: a private redis-server, LiveKit nodes
// in LiveKit's own multi-node mode (sharing Redis), api replicas, and nginx in front of both.
// `npm run cluster` (scripts/cluster.mjs) composes them; the cluster tests and bench/chaos.ts
// start the same pieces, so what they prove is what the script runs.
import { spawn, spawnSync } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { API_NODE_ARGS, ROOT, run } from "./setup.mjs";
import { startLivekit, waitForPort } from "./livekit.mjs";

const onPath = (name) => {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
};


/** Whether `port` can be bound on loopback now (TCP, or UDP when `udp`). */
function bindable(port, udp = false) {
  return new Promise((resolve) => {
    if (udp) {
      const socket = dgram.createSocket("udp4");
      socket.once("error", () => resolve(false));
      socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
      return;
    }
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Ports for `count` LiveKit nodes (each takes its port, +1 over TCP and +2 over UDP), checked free,
 * below Linux's ephemeral range (32768+) where browsers' and clients' own sockets land: a node
 * whose RTC port one of them holds cannot start.
 */
export async function livekitNodePorts(count, { from = 30_000, to = 32_760 } = {}) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = from + Math.floor(Math.random() * Math.floor((to - from - count * 5) / 5)) * 5;
    const ports = Array.from({ length: count }, (_, i) => base + i * 5);
    const free = await Promise.all(ports.flatMap((p) => [bindable(p), bindable(p + 1), bindable(p + 2, true)]));
    if (free.every(Boolean)) return ports;
  }
  throw new Error(`no free block of ports for ${count} LiveKit nodes in ${from}–${to}`);
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const exitOf = (child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once("exit", () => resolve())));

/**
 * A child process that can be stopped (SIGTERM), killed (SIGKILL, like a crash) and started again
 * with the same command. `start` spawns and resolves once the process is ready.
 */
function restartable(start) {
  let child;
  const handle = {
    get pid() {
      return child?.pid;
    },
    get alive() {
      return Boolean(child) && child.exitCode === null && !child.signalCode;
    },
    async start() {
      child = await start();
      return handle;
    },
    /** SIGTERM, then SIGKILL if still running after `graceMs` (livekit-server waits for its participants to leave). */
    async stop(graceMs = 5000) {
      if (!handle.alive) return;
      const running = child;
      running.kill("SIGTERM");
      const timer = setTimeout(() => running.kill("SIGKILL"), graceMs);
      await exitOf(running);
      clearTimeout(timer);
    },
    async kill() {
      if (!handle.alive) return;
      child.kill("SIGKILL");
      await exitOf(child);
    },
    async restart() {
      await handle.stop();
      return handle.start();
    },
  };
  return handle;
}

/** Spawns `command`, keeps the tail of its output for error messages, and rejects if it exits before `ready` resolves. */
async function spawnReady(command, args, { env, ready, log = () => {}, name }) {
  const child = spawn(command, args, { cwd: ROOT, env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let tail = "";
  const keep = (d) => {
    tail = (tail + d).slice(-4000);
    log(String(d));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((_, reject) => child.once("exit", (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${tail}`))));
  try {
    await Promise.race([ready(), exited]);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return child;
}

/**
 * A private redis-server on `port`, as a child process, so tests can restart it without touching
 * the machine's shared Redis. With `dir` it keeps an append-only file there and comes back from a
 * restart with its data: LiveKit keeps which node hosts each room in Redis, and a Redis that
 * restarts empty lets the next joiner open a second copy of a live room on another node.
 */
export async function startRedisServer({ port, dir, log } = {}) {
  const p = port ?? (await freePort());
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const persistence = dir ? ["--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""] : ["--save", "", "--appendonly", "no"];
  const server = restartable(() =>
    spawnReady("redis-server", ["--port", String(p), "--bind", "127.0.0.1", ...persistence], { name: "redis-server", log, ready: () => waitForPort(p) }),
  );
  await server.start();
  return Object.assign(server, { port: p, address: `127.0.0.1:${p}`, url: `redis://127.0.0.1:${p}` });
}

/**
 * A livekit-server node of a multi-node cluster: nodes share `redisAddress`, and each takes
 * `port` (signalling), `port + 1` (RTC over TCP) and `port + 2` (RTC over UDP).
 */
export async function startLivekitNode({ binary, port, redisAddress, webhookUrl, log }) {
  let server;
  const node = restartable(async () => {
    server = await startLivekit({ binary, port, redis: redisAddress, webhookUrl, log });
    return server.child;
  });
  await node.start();
  return Object.assign(node, { port, url: `ws://127.0.0.1:${port}` });
}

/** Runs the built api (scripts/setup.mjs `buildApi`) on `port` with `env`, ready once /api/health answers. */
export async function startApiReplica({ port, env, log }) {
  const replica = restartable(() =>
    spawnReady(process.execPath, API_NODE_ARGS, {
      name: `api on ${port}`,
      log,
      env: { PATH: process.env.PATH, HOST: "127.0.0.1", ...env, PORT: String(port) },
      ready: async () => {
        for (;;) {
          if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    }),
  );
  await replica.start();
  return Object.assign(replica, { port, url: `http://127.0.0.1:${port}` });
}

/** Returns the path of nginx, installing Debian's nginx-light when it is missing. */
export function ensureNginx({ log = console.log } = {}) {
  const found = onPath("nginx") ?? (fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : undefined);
  if (found) return found;
  log("› Installing nginx from Debian (nginx-light) for the load balancer…");
  const apt = (...args) => (process.getuid?.() === 0 ? run("apt-get", args) : run("sudo", ["apt-get", ...args]));
  apt("update", "-qq");
  apt("install", "-y", "-qq", "--no-install-recommends", "nginx-light");
  // Debian's package starts a system service on install; this project runs its own nginx processes only.
  spawnSync("sh", ["-c", "command -v service >/dev/null && service nginx stop"], { stdio: "ignore" });
  return onPath("nginx") ?? "/usr/sbin/nginx";
}

/**
 * The nginx configuration of the local cluster: the api replicas behind one address, sticky per
 * login (Socket.IO's polling transport must reach the replica holding its session), and the
 * LiveKit nodes' signalling behind another. A dead upstream is skipped for `failTimeout`.
 */
export function nginxConfig({ dir, port, apiPorts, livekitPort, livekitPorts, failTimeout = "3s" }) {
  const upstream = (ports) => ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=${failTimeout};`).join("\n");
  const proxied = [
    "      proxy_http_version 1.1;",
    "      proxy_set_header Upgrade $http_upgrade;",
    "      proxy_set_header Connection $connection_upgrade;",
    "      proxy_set_header Host $http_host;",
    // The client's address as nginx saw it, replacing whatever the client claimed (TRUST_PROXY=1).
    "      proxy_set_header X-Forwarded-For $remote_addr;",
    "      proxy_set_header X-Forwarded-Proto $scheme;",
    "      proxy_connect_timeout 2s;",
    "      proxy_read_timeout 1h;",
    "      proxy_send_timeout 1h;",
    "      proxy_next_upstream error timeout;",
  ].join("\n");
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; "" close; }
  # Sticky by login cookie, so people behind one address (a venue's NAT) still spread across
  # replicas; requests without a login by client address.
  map $cookie_plenary_session $plenary_sticky { "" $remote_addr; default $cookie_plenary_session; }
  upstream plenary_api {
    hash $plenary_sticky consistent;
${upstream(apiPorts)}
  }
  upstream livekit_signal {
    least_conn;
${upstream(livekitPorts)}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://plenary_api;
${proxied}
      # Local cluster only: which replica answered, for tests and for watching a failover.
      add_header X-Plenary-Upstream $upstream_addr always;
    }
  }
  server {
    listen 127.0.0.1:${livekitPort};
    location / {
      proxy_pass http://livekit_signal;
${proxied}
    }
  }
}
`;
}

/** Runs nginx in the foreground as a child process, with its configuration and temp files in a fresh temp folder. */
export async function startNginx({ binary, port, apiPorts, livekitPort, livekitPorts, log }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-nginx-"));
  // Workers run as an unprivileged user when nginx starts as root: they need to reach their temp folders.
  fs.chmodSync(dir, 0o755);
  const config = path.join(dir, "nginx.conf");
  fs.writeFileSync(config, nginxConfig({ dir, port, apiPorts, livekitPort, livekitPorts }));
  const proxy = restartable(() =>
    spawnReady(binary, ["-p", dir, "-c", config, "-e", "stderr"], { name: "nginx", log, ready: () => Promise.all([waitForPort(port), waitForPort(livekitPort)]) }),
  );
  await proxy.start();
  const stop = proxy.stop;
  return Object.assign(proxy, {
    port,
    url: `http://127.0.0.1:${port}`,
    livekitUrl: `ws://127.0.0.1:${livekitPort}`,
    config,
    async stop() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Stops every piece, last started first; one that fails to stop does not keep the others running. */
export async function stopAll(pieces) {
  for (const piece of [...pieces].reverse()) await piece?.stop().catch(() => piece.kill?.());
}
