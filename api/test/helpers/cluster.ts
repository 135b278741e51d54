import { createClient, RESP_TYPES } from "redis";
import { io, type Socket } from "socket.io-client";
// @ts-expect-error plain ESM script shared with `npm run cluster` and the chaos bench
import * as lib from "../../../scripts/cluster-lib.mjs";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer } from "../../../scripts/livekit.mjs";
import { TEST_ORIGIN } from "./app.ts";

/** A process the tests can stop, crash and start again with the same command and ports. */
export interface Restartable {
  readonly pid: number | undefined;
  readonly alive: boolean;
  start(): Promise<this>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: no chance to clean up, like a crash or `kill -9`. */
  kill(): Promise<void>;
  restart(): Promise<this>;
}
export interface RedisServer extends Restartable {
  port: number;
  address: string;
  url: string;
}
export interface LivekitNode extends Restartable {
  port: number;
  url: string;
}
export interface ApiReplica extends Restartable {
  port: number;
  url: string;
}
export interface Nginx extends Restartable {
  port: number;
  url: string;
  livekitUrl: string;
}

/** A private redis-server; with `dir` it keeps an append-only file there and survives restarts with its data. */
export const startRedisServer: (options?: { port?: number; dir?: string }) => Promise<RedisServer> = lib.startRedisServer;
export const startApiReplica: (options: { port: number; env: Record<string, string> }) => Promise<ApiReplica> = lib.startApiReplica;
export const freePort: () => Promise<number> = lib.freePort;
export const stopAll: (pieces: (Restartable | undefined)[]) => Promise<void> = lib.stopAll;

/** nginx in front of api replicas and LiveKit nodes (installed from Debian when missing). */
export function startNginx(options: { port: number; apiPorts: number[]; livekitPort: number; livekitPorts: number[] }): Promise<Nginx> {
  return lib.startNginx({ binary: lib.ensureNginx(), ...options });
}

/**
 * A block of ports for LiveKit nodes (each takes port, +1 and +2), derived from the pid so that
 * test files running at once, and the run's own livekit-server (20000–39999), never collide.
 */
export function livekitPorts(count: number): number[] {
  const base = 40_000 + (process.pid % 1000) * 20;
  return Array.from({ length: count }, (_, i) => base + i * 5);
}

/** Starts a LiveKit node sharing `redisAddress` with the others. */
export function startLivekitNode(options: { port: number; redisAddress: string; webhookUrl?: string }): Promise<LivekitNode> {
  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  return lib.startLivekitNode({ binary: binary.path, ...options });
}

/** What a LiveKit node last reported about itself in Redis (the `nodes` hash, a livekit.Node protobuf). */
export interface LivekitNodeStats {
  id: string;
  numRooms: number;
  updatedAt: number;
}

/** Reads the protobuf fields this file needs: varints and length-delimited fields, by number. */
function protoFields(bytes: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const fields = new Map<number, (number | Uint8Array)[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const [field, wire] = [Math.floor(tag / 8), tag & 7];
    let value: number | Uint8Array = 0;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wire === 5 || wire === 1) at += wire === 5 ? 4 : 8; // fixed32 / fixed64: not needed here
    else throw new Error(`unexpected protobuf wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

/**
 * LiveKit's own view of its cluster, read from the Redis the nodes share: which node hosts each
 * room (`room_node_map`) and each node's last stats report (`nodes`).
 */
export async function livekitCluster(redisUrl: string) {
  const redis = createClient({ url: redisUrl });
  redis.on("error", () => undefined);
  await redis.connect();
  const decoder = new TextDecoder();
  return {
    /** room name → node id */
    roomNodes: (): Promise<Record<string, string>> => redis.hGetAll("room_node_map"),
    async nodes(): Promise<LivekitNodeStats[]> {
      const raw = await redis.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).hVals("nodes");
      return raw.map((entry) => {
        // livekit.Node: id = 1, stats = 4; livekit.NodeStats: updated_at = 2, num_rooms = 3.
        const node = protoFields(entry);
        const stats = protoFields((node.get(4)?.[0] as Uint8Array | undefined) ?? new Uint8Array());
        return { id: decoder.decode(node.get(1)![0] as Uint8Array), numRooms: Number(stats.get(3)?.[0] ?? 0), updatedAt: Number(stats.get(2)?.[0] ?? 0) };
      });
    },
    close: () => redis.quit().catch(() => undefined),
  };
}

/**
 * A browser-like Socket.IO client through the load balancer: it starts on HTTP long-polling and
 * upgrades to WebSocket, as browsers do, so every polling request must reach the same replica.
 */
export function browserSocket(baseUrl: string, cookie: string, options: { pollingOnly?: boolean } = {}): Promise<Socket> {
  const socket = io(baseUrl, {
    transports: options.pollingOnly ? ["polling"] : ["polling", "websocket"],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: { Origin: TEST_ORIGIN, Cookie: cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Which api replica the balancer sends a login to (nginx names it in X-Plenary-Upstream). */
export async function replicaOf(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/health`, { headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
  const upstream = res.headers.get("x-plenary-upstream");
  if (!upstream) throw new Error(`no X-Plenary-Upstream header (status ${res.status})`);
  return upstream.split(",").at(-1)!.trim();
}

/** Resolves as `promise` does, or rejects naming `what` after `ms`: a bound on how long recovery may take. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Polls `check` until it holds; rejects naming `what` after `timeoutMs`. For state kept in another process. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
