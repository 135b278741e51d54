// `npm run cluster`: the production shape on one machine, as plain processes — PostgreSQL (the
// local server), a Redis of its own, two livekit-server nodes in LiveKit's multi-node mode, two
// api replicas and nginx in front of both. Prints the URL; Ctrl+C stops everything it started.
//
//   CLUSTER_PORT   nginx for the web app and api (default 8080); the rest sits next to it:
//                  +800 nginx for LiveKit signalling, +1/+2 api replicas, +810/+815 LiveKit nodes
//                  (each also uses the next two ports for RTC), +299 Redis
//   DATABASE_URL   PostgreSQL to use (default: database plenary_cluster on 127.0.0.1:5432)
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ensureNginx, startApiReplica, startLivekitNode, startNginx, startRedisServer, stopAll } from "./cluster-lib.mjs";
import { ensureLivekitServer } from "./livekit.mjs";
import { buildApi, buildClient, generatePrismaClient, installPackages, ROOT } from "./setup.mjs";

const base = Number(process.env.CLUSTER_PORT ?? 8080);
const ports = { web: base, livekit: base + 800, apis: [base + 1, base + 2], nodes: [base + 810, base + 815], redis: base + 299 };
const publicUrl = `http://localhost:${ports.web}`;

/** The local PostgreSQL's `plenary_cluster` database, created when missing (the server is started as CI does when it is down). */
async function clusterDatabase() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
  const ready = () => spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]).status === 0;
  if (!ready()) {
    console.log("› Starting PostgreSQL");
    spawnSync("sh", ["-c", 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start'], { stdio: "inherit" });
  }
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'plenary_cluster'");
  if (!rowCount) await client.query("CREATE DATABASE plenary_cluster");
  await client.end();
  return "postgresql://postgres@127.0.0.1:5432/plenary_cluster";
}

installPackages();
generatePrismaClient();
buildClient();
await buildApi();
const livekit = ensureLivekitServer();
if (livekit.error) {
  console.error(`Cannot start the cluster without livekit-server: ${livekit.error}`);
  process.exit(1);
}
const nginxBinary = ensureNginx();
const databaseUrl = await clusterDatabase();

const pieces = [];
const shutdown = async (code) => {
  console.log("\n› Stopping the cluster…");
  await stopAll(pieces);
  process.exit(code);
};
process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

try {
  // Its own Redis with an append-only file: LiveKit keeps each room's node there, and must find it after a Redis restart.
  const redis = await startRedisServer({ port: ports.redis, dir: path.join(ROOT, ".data", "cluster", "redis") });
  pieces.push(redis);
  console.log(`› Redis on ${redis.url}`);
  for (const port of ports.nodes) {
    pieces.push(await startLivekitNode({ binary: livekit.path, port, redisAddress: redis.address, webhookUrl: `http://127.0.0.1:${ports.web}/api/livekit/webhook` }));
    console.log(`› LiveKit node on ws://127.0.0.1:${port} (RTC on TCP ${port + 1}, UDP ${port + 2})`);
  }
  const env = {
    NODE_ENV: "development",
    CLIENT_DIST: "client/dist",
    PUBLIC_URL: publicUrl,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    LIVEKIT_URL: `ws://localhost:${ports.livekit}`,
    // nginx is the one proxy in front: believe it, and only it, about the client's address.
    TRUST_PROXY: "1",
  };
  // One after the other: the first applies migrations and seeds the demo, the second finds them done.
  for (const [i, port] of ports.apis.entries()) {
    pieces.push(await startApiReplica({ port, env: { ...env, SEED_DEMO: String(i === 0) }, log: (line) => process.stdout.write(line) }));
    console.log(`› api replica on http://127.0.0.1:${port}`);
  }
  pieces.push(await startNginx({ binary: nginxBinary, port: ports.web, apiPorts: ports.apis, livekitPort: ports.livekit, livekitPorts: ports.nodes }));
  console.log(`\n✔ Plenary cluster is running: open ${publicUrl}`);
  console.log(`  nginx → api replicas ${ports.apis.join(", ")} (sticky per login); LiveKit signalling ws://localhost:${ports.livekit} → nodes ${ports.nodes.join(", ")}`);
  console.log(`  PostgreSQL ${databaseUrl.replace(/\/\/[^@]*@/, "//")}, Redis ${redis.url}. Demo logins above; press Ctrl+C to stop.\n`);
} catch (err) {
  console.error(`The cluster did not start: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
}
