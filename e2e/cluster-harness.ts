import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createClient } from "redis";
// @ts-expect-error plain ESM script shared with `npm run cluster` and the cluster tests
import * as lib from "../scripts/cluster-lib.mjs";
// @ts-expect-error plain ESM scripts shared with the hub and CI
import { ensureLivekitServer } from "../scripts/livekit.mjs";

// The cluster shape `npm run cluster` runs (scripts/cluster.mjs), for a browser: PostgreSQL, a
// private Redis, two LiveKit nodes in LiveKit's multi-node mode, two api replicas serving the built
// client, and nginx in front of the replicas and of the nodes' signalling. Shared by
// e2e/cluster.test.ts and bench/livekit-restart-browser.ts; it imports nothing from vitest.

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

interface Restartable {
  readonly alive: boolean;
  start(): Promise<unknown>;
  stop(graceMs?: number): Promise<void>;
  kill(): Promise<void>;
}
/** A LiveKit node of the cluster, with the id it registered under in Redis (new at every start). */
export interface ClusterNode extends Restartable {
  port: number;
  url: string;
  id: string;
}

export interface BrowserCluster {
  /** The web app and api, through nginx. */
  baseUrl: string;
  nodes: ClusterNode[];
  /** The node LiveKit placed `room` on (its `room_node_map` in Redis), if it is one of ours. */
  hostOf(room: string): Promise<ClusterNode | undefined>;
  /** Starts a stopped or killed node again on its ports and waits until it registered in Redis. */
  startNode(node: ClusterNode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the cluster. Built client and api must exist (scripts/setup.mjs `buildClient`/`buildApi`;
 * the e2e global setup builds both). LiveKit nodes take two free blocks of ports below the
 * ephemeral range (`livekitNodePorts`). Whatever started is stopped again if a later piece fails.
 */
export async function startBrowserCluster(options: { dbName: string; log?: (s: string) => void }): Promise<BrowserCluster> {
  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  const pieces: Restartable[] = [];
  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-e2e-cluster-redis-"));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  let livekitRedis: ReturnType<typeof createClient> | undefined;
  // The Redis client goes first (it would retry forever against a stopped server), the database
  // last (the replicas hold connections to it until they stop).
  const stop = async () => {
    livekitRedis?.destroy();
    await lib.stopAll(pieces);
    await admin.query(`DROP DATABASE IF EXISTS "${options.dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    fs.rmSync(redisDir, { recursive: true, force: true });
  };

  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${options.dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${options.dbName}"`);
    const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${options.dbName}` }).toString();

    // Append-only, as the cluster runs it: LiveKit keeps each room's node in this Redis.
    const redis = await lib.startRedisServer({ dir: redisDir, log: options.log });
    pieces.push(redis);
    const placement = (livekitRedis = createClient({ url: redis.url }));
    placement.on("error", () => undefined);
    await placement.connect();

    const [webPort, signalPort, ...apiPorts] = await Promise.all([lib.freePort(), lib.freePort(), lib.freePort(), lib.freePort()]);
    const baseUrl = `http://localhost:${webPort}`;
    const nodes: ClusterNode[] = [];
    /** Starts `node` (or a new one) and learns the id it registers in LiveKit's `nodes` hash. */
    const register = async (start: () => Promise<Restartable & { port: number; url: string }>) => {
      const known = new Set(await placement.hKeys("nodes"));
      const started = await start();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const id = (await placement.hKeys("nodes")).find((key) => !known.has(key));
        if (id) return Object.assign(started, { id });
        if (Date.now() > deadline) throw new Error(`LiveKit node on ${started.port} did not register in Redis`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    for (const port of await lib.livekitNodePorts(2)) {
      const start = () =>
        lib.startLivekitNode({ binary: binary.path, port, redisAddress: redis.address, webhookUrl: `${baseUrl}/api/livekit/webhook`, log: options.log });
      const node: ClusterNode = await register(async () => {
        const started = await start();
        pieces.push(started);
        return started;
      });
      nodes.push(node);
    }

    const env = {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      CLIENT_DIST: "client/dist",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      LIVEKIT_URL: `ws://127.0.0.1:${signalPort}`,
      TRUST_PROXY: "1",
      RATE_LIMIT_TOKENS_PER_MINUTE: "600",
      RATE_LIMIT_REGISTRATIONS_PER_HOUR: "100000",
    };
    // One after the other, as scripts/cluster.mjs does: the first migrates and seeds the demo.
    for (const [i, port] of apiPorts.entries()) pieces.push(await lib.startApiReplica({ port, env: { ...env, SEED_DEMO: String(i === 0) }, log: options.log }));
    pieces.push(await lib.startNginx({ binary: lib.ensureNginx(), port: webPort, apiPorts, livekitPort: signalPort, livekitPorts: nodes.map((n) => n.port), log: options.log }));

    return {
      baseUrl,
      nodes,
      async hostOf(room) {
        const id = await placement.hGet("room_node_map", room);
        return nodes.find((node) => node.id === id);
      },
      async startNode(node) {
        await register(async () => (await node.start(), node));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
