// The stack for bench/interpretation.ts: a scratch PostgreSQL database, a private livekit-server,
// the built api as its own process, one live session with six booths, and people written
// straight into the database (users, login sessions, roles). Loopback only.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer, startLivekit } from "../scripts/livekit.mjs";
import { scratchDatabase, spawnNode } from "./lib.ts";

/** Booth languages and their interpreters' tones; the French partner speaks at 550 Hz, the floor at 1 kHz. */
export const BOOTH_TONES = { en: 330, fr: 440, es: 660, ar: 770, zh: 880, ru: 1210 } as const;
export type BoothLanguage = keyof typeof BOOTH_TONES;
export const FR_PARTNER_HZ = 550;
export const FLOOR_HZ = 1000;
export const ALL_TONES = [...Object.values(BOOTH_TONES), FR_PARTNER_HZ, FLOOR_HZ];
export const LANGUAGES = Object.keys(BOOTH_TONES) as BoothLanguage[];

export interface Person {
  userId: string;
  cookie: string;
}

/** Memory (kB) and CPU time (ms, user + system) of a process, from /proc. */
export function processUsage(pid: number): { rssKb: number; cpuMs: number } {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  return { rssKb, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

export async function startStack(options: { apiPort: number; livekitPort: number; listeners: number }) {
  const database = await scratchDatabase(`plenary_bench_interp_${process.pid}`);
  const binary = ensureLivekitServer();
  if (binary.error) throw new Error(binary.error);
  const livekit = await startLivekit({ binary: binary.path, port: options.livekitPort });
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const api = await spawnNode(
    "api/src/main.ts",
    {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(options.apiPort),
      PUBLIC_URL: apiUrl,
      DATABASE_URL: database.url,
      LIVEKIT_URL: livekit.url,
      RATE_LIMIT_TOKENS_PER_MINUTE: "100000",
    },
    `${apiUrl}/api/health`,
  );
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const eventId = randomUUID();
  const sessionId = randomUUID();
  await db.query(`INSERT INTO "Event" (id, slug, title, venue, "startDate", "endDate", timezone, languages) VALUES ($1, 'bench', 'Bench', 'Loopback', '2026-01-01', '2026-01-02', 'UTC', '{en}')`, [eventId]);
  await db.query(
    `INSERT INTO "Session" (id, "eventId", title, type, room, "startsAt", "endsAt", status, languages, "updatedAt")
     VALUES ($1, $2, 'Interpreted', 'HIGH_LEVEL', 'Plenary', now(), now() + interval '2 hours', 'LIVE', $3, now())`,
    [sessionId, eventId, LANGUAGES],
  );
  const people = async (n: number): Promise<Person[]> => {
    const ids = Array.from({ length: n }, () => randomUUID());
    const tokens = ids.map(() => randomBytes(32).toString("base64url"));
    await db.query(
      `INSERT INTO "User" (id, email, "passwordHash", "displayName", "stakeholderGroup")
       SELECT id, 'bench-' || id || '@example.org', 'unused', 'Bench ' || n, 'CIVIL_SOCIETY' FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [ids],
    );
    await db.query(
      `INSERT INTO "AuthSession" (id, "tokenHash", "userId", "expiresAt")
       SELECT gen_random_uuid(), h, u, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS t(h, u)`,
      [tokens.map((t) => createHash("sha256").update(t).digest("hex")), ids],
    );
    return ids.map((userId, i) => ({ userId, cookie: `plenary_session=${tokens[i]}` }));
  };
  const withRole = async (person: Person, role: "STAGE" | "INTERPRETER" | "MODERATOR", boothLanguage: string | null = null) => {
    await db.query(`INSERT INTO "SessionRole" (id, "sessionId", "userId", role, "boothLanguage") VALUES (gen_random_uuid(), $1, $2, $3, $4)`, [sessionId, person.userId, role, boothLanguage]);
    return person;
  };
  const [stage, partner, ...booths] = await people(2 + LANGUAGES.length);
  await withRole(stage!, "STAGE");
  await withRole(partner!, "INTERPRETER", "fr");
  await Promise.all(booths.map((p, i) => withRole(p, "INTERPRETER", LANGUAGES[i]!)));
  return {
    apiUrl,
    sessionId,
    pids: { livekit: livekit.pid as number, api: api.child.pid! },
    stage: stage!,
    frPartner: partner!,
    interpreters: Object.fromEntries(LANGUAGES.map((l, i) => [l, booths[i]!])) as Record<BoothLanguage, Person>,
    listeners: await people(options.listeners),
    async stop() {
      await db.end();
      await api.stop();
      await livekit.stop();
      await database.drop();
    },
  };
}

/** A person's socket (connected) and LiveKit token for `role`, as the client gets them. */
export async function connectPerson(apiUrl: string, sessionId: string, person: Person, role: string): Promise<{ socket: Socket; url: string; token: string; userId: string }> {
  const res = await fetch(`${apiUrl}/api/sessions/${sessionId}/token`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: person.cookie, origin: apiUrl },
    body: JSON.stringify({ role }),
  });
  if (res.status !== 200) throw new Error(`token for ${role}: ${res.status} ${await res.text()}`);
  const { token, serverUrl } = (await res.json()) as { token: string; serverUrl: string };
  const socket = io(apiUrl, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 20_000, extraHeaders: { Cookie: person.cookie, Origin: apiUrl } });
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  return { socket, url: serverUrl, token, userId: person.userId };
}
