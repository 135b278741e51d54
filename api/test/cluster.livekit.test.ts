import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dispose, RoomEvent, type Room } from "@livekit/rtc-node";
import { roomNameFor } from "@plenary/shared";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { eventually, livekitCluster, livekitPorts, startLivekitNode, startRedisServer, stopAll, within, type LivekitNode, type RedisServer } from "./helpers/cluster.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { seedSessions, signedInClient } from "./helpers/fixtures.ts";
import { hears } from "./helpers/goertzel.ts";
import type { TestClient } from "./helpers/http.ts";
import { participant } from "./helpers/qa.ts";
import { joinToneListener, startTonePublisher } from "./helpers/tones.ts";

// LiveKit's own multi-node mode: two livekit-server nodes sharing a private redis-server (with an
// append-only file, as LiveKit's room placement must survive a Redis restart), and one api that
// talks to the first. Which node hosts a room is LiveKit's decision; the test reads it
// where LiveKit keeps it (Redis: `room_node_map`, and each node's stats in `nodes`).
let tdb: TestDatabase;
let redis: RedisServer;
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-lk-redis-"));
let cluster: Awaited<ReturnType<typeof livekitCluster>>;
const nodes: LivekitNode[] = [];
/** node id → the node process, refreshed when a node restarts (LiveKit gives it a new id). */
const byId = new Map<string, LivekitNode>();
let api: TestApp;
let organiser: TestClient;
const closers: (() => Promise<unknown>)[] = [];
const [LOW, HIGH] = [440, 660];

async function startNode(port: number, node?: LivekitNode) {
  const known = new Set((await cluster.nodes()).map((n) => n.id));
  const started = node ? await node.start() : await startLivekitNode({ port, redisAddress: redis.address });
  let id: string | undefined;
  await eventually(async () => Boolean((id = (await cluster.nodes()).find((n) => !known.has(n.id))?.id)), `node on ${port} registers in Redis`);
  byId.set(id!, started);
  return started;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedSessions(tdb.database.prisma);
  redis = await startRedisServer({ dir: redisDir });
  cluster = await livekitCluster(redis.url);
  for (const port of livekitPorts(2)) nodes.push(await startNode(port));
  api = await startTestApp({ database: tdb.database, env: { LIVEKIT_URL: nodes[0]!.url } });
  ({ client: organiser } = await signedInClient(api.baseUrl, tdb.database.prisma, { organiser: true }));
});
afterAll(async () => {
  // Bots are closed best-effort and bounded, so the servers below are stopped whatever state a failed test left.
  const settle = (what: string, work: Promise<unknown>) => within(5000, what, work).catch(() => undefined);
  await settle("bots close", Promise.all(closers.map((close) => close().catch(() => undefined))));
  await settle("rtc-node disposes", dispose());
  await api?.close();
  await cluster?.close();
  await stopAll([redis, ...nodes]);
  fs.rmSync(redisDir, { recursive: true, force: true });
  await tdb.drop();
});

async function liveSession(title: string): Promise<string> {
  const created = await organiser.post("/api/sessions", { title, type: "POLICY", room: "Room L", startsAt: "2024-05-28T10:00:00+02:00", endsAt: "2024-05-28T11:00:00+02:00", languages: ["en"] });
  expect((await organiser.post(`/api/sessions/${created.body.id}/status`, { status: "LIVE" })).status).toBe(200);
  return created.body.id;
}

/** A join token from the api for a new person holding `staff` in the session (none: an attendee). */
async function tokenFor(sessionId: string, role: "attendee" | "stage" | "moderator") {
  const staff = role === "attendee" ? undefined : { sessionId, role: role === "stage" ? ("STAGE" as const) : ("MODERATOR" as const) };
  const { client } = await participant(api.baseUrl, tdb.database.prisma, staff ? { role: staff } : {});
  const res = await client.post(`/api/sessions/${sessionId}/token`, { role });
  expect(res.status).toBe(200);
  return res.body as { serverUrl: string; token: string };
}

async function publisher(sessionId: string, role: "stage" | "moderator", url: string, hz: number) {
  const bot = await startTonePublisher({ url, token: (await tokenFor(sessionId, role)).token, hz });
  closers.push(() => bot.close());
  return bot;
}
async function listener(sessionId: string, url: string) {
  const bot = await joinToneListener({ url, token: (await tokenFor(sessionId, "attendee")).token, frequencies: [LOW, HIGH] });
  closers.push(() => bot.close());
  return bot;
}

/** Every node's last stats report counts the rooms `room_node_map` gives it: LiveKit's placement now sees the present. */
async function statsCaughtUp() {
  await eventually(async () => {
    const [map, stats] = await Promise.all([cluster.roomNodes(), cluster.nodes()]);
    const live = stats.filter((n) => byId.get(n.id)?.alive);
    return live.every((n) => n.numRooms === Object.values(map).filter((id) => id === n.id).length);
  }, "LiveKit's node stats report every room", 15_000);
}

test("participants connecting through either node's URL are in one room and hear each other", async () => {
  const sessionId = await liveSession("Two nodes");
  const [a, b] = nodes as [LivekitNode, LivekitNode];
  const stageOnA = await publisher(sessionId, "stage", a.url, LOW);
  const chairOnB = await publisher(sessionId, "moderator", b.url, HIGH);
  const hearsOnA = await listener(sessionId, a.url);
  const hearsOnB = await listener(sessionId, b.url);

  // Each side hears the publisher who came in through the other node.
  await hearsOnA.listener.waitFor((f) => f.source === chairOnB.room.localParticipant!.identity && hears(f, HIGH), 15_000);
  await hearsOnB.listener.waitFor((f) => f.source === stageOnA.room.localParticipant!.identity && hears(f, LOW), 15_000);
  // One room, hosted by one node, and both nodes list the same four participants in it.
  const room = roomNameFor(sessionId);
  expect(byId.has((await cluster.roomNodes())[room]!)).toBe(true);
  for (const node of nodes) {
    const listed = await new RoomServiceClient(node.url.replace(/^ws/, "http"), "devkey", "secret").listParticipants(room);
    expect(listed).toHaveLength(4);
  }
});

test("the rooms of different sessions spread over both nodes", async () => {
  const placed: string[] = [];
  for (let i = 0; i < 3; i++) {
    // LiveKit places a new room on the node reporting the fewest rooms; sessions open minutes apart
    // in a real event, so let its stats (every 2 s) catch up between two openings.
    await statsCaughtUp();
    const sessionId = await liveSession(`Spread ${i}`);
    await tokenFor(sessionId, "attendee"); // the api creates the room when it issues the first token
    placed.push(roomNameFor(sessionId));
  }
  await statsCaughtUp();
  const map = await cluster.roomNodes();
  const hosts = placed.map((room) => map[room]);
  expect(new Set(hosts).size).toBe(2);
  const perNode = [...byId.keys()].filter((id) => byId.get(id)!.alive).map((id) => Object.values(map).filter((host) => host === id).length);
  expect(Math.max(...perNode) - Math.min(...perNode)).toBeLessThanOrEqual(1);
});

test("Redis restarts: LiveKit keeps each room on its node, so a new participant still joins the live room", async () => {
  const sessionId = await liveSession("Redis restart");
  const room = roomNameFor(sessionId);
  const [a, b] = nodes as [LivekitNode, LivekitNode];
  const stage = await publisher(sessionId, "stage", a.url, LOW);
  await (await listener(sessionId, b.url)).listener.waitFor((f) => hears(f, LOW), 15_000);
  const host = (await cluster.roomNodes())[room];

  await redis.restart();
  // Whichever node the newcomer reaches, it is routed to the room that is live, not to a new empty
  // copy of it (which is what a Redis restarting empty leads to).
  for (const node of [b, a]) {
    const newcomer = await listener(sessionId, node.url);
    await newcomer.listener.waitFor((f) => f.source === stage.room.localParticipant!.identity && hears(f, LOW), 15_000);
  }
  expect((await cluster.roomNodes())[room]).toBe(host);
});

test("restarting the node that hosts a room: clients rejoin without a reload and get their tracks back", { timeout: 60_000 }, async () => {
  const sessionId = await liveSession("Node restart");
  const room = roomNameFor(sessionId);
  const [a, b] = nodes as [LivekitNode, LivekitNode];
  const stage = await publisher(sessionId, "stage", a.url, LOW);
  const onB = await listener(sessionId, b.url);
  const onA = await listener(sessionId, a.url);
  for (const bot of [onA, onB]) await bot.listener.waitFor((f) => hears(f, LOW), 15_000);

  const hostId = (await cluster.roomNodes())[room]!;
  const host = byId.get(hostId)!;
  const rejoined = (r: Room) => new Promise<void>((resolve) => r.once(RoomEvent.Reconnected, () => resolve()));
  const reconnects = [stage.room, onA.room, onB.room].map(rejoined);
  const crashedAt = performance.now();
  await host.kill();
  byId.delete(hostId);
  await startNode(host.port, host);

  // The same Room objects, the same tokens: the SDK reconnects on its own and the publisher's track
  // comes back (listeners connected through either node hear it again).
  await within(30_000, "every participant reconnects", Promise.all(reconnects));
  await within(15_000, "both listeners hear the publisher again", Promise.all([onA, onB].map((bot) => bot.listener.waitFor((f) => hears(f, LOW), 15_000))));
  const recovered = performance.now() - crashedAt;
  const newHost = (await cluster.roomNodes())[room]!;
  expect(newHost).not.toBe(hostId);
  expect(byId.has(newHost)).toBe(true);
  console.log(`node ${hostId} killed: room now on ${newHost}, tone heard again after ${Math.round(recovered)} ms`);
});
