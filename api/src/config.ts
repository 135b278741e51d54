import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const csv = z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean));

/**
 * Every environment variable Plenary reads, parsed once at start-up.
 * `.env.example` documents each of them; keep the two in step.
 */
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    ALLOWED_ORIGINS: csv.optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
    PGLITE_DIR: z.string().default(".data/pglite"),
    // The embedded database checkpoints this often when it was written to: bounds the WAL a restart after a crash replays.
    PGLITE_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
    // The replicas of one deployment talk over Redis channels named with this; another deployment
    // (or test run) on the same Redis must use its own, or each would wait for the other's answers.
    REDIS_CHANNEL_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, "letters, digits, '.', '_' or '-'").default("socket.io"),
    LIVEKIT_URL: z.string().regex(/^(wss?|https?):\/\//, "must be a ws(s):// or http(s):// URL").or(z.literal("")).default("ws://127.0.0.1:7880"),
    LIVEKIT_API_KEY: z.string().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().min(1).optional(),
    LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(600),
    MEDIA_DISABLED_REASON: z.string().optional(),
    ORGANISER_EMAIL: z.email().optional(),
    ORGANISER_PASSWORD: z.string().min(10).optional(),
    ORGANISER_NAME: z.string().default("Forum organiser"),
    SEED_DEMO: bool.default(false),
    CLIENT_DIST: z.string().optional(),
    COOKIE_SECURE: bool.optional(),
    // Which peers are proxies whose X-Forwarded-For is believed about the client's address (rate
    // limits and logs key on it). A trusted proxy must append the address it received the request
    // from; the client address is then the rightmost X-Forwarded-For entry that is not itself a
    // trusted proxy, which a client cannot choose: whatever it writes into the header lies to the
    // left. "false" (the default: the api is reached directly, as under `npm run hub`) believes
    // only the socket; a hop count ("1" behind one ingress) trusts that many peers whatever their
    // address; names and subnets ("loopback", "10.0.0.0/8") trust peers at those addresses. Trust
    // a peer only if every request from it is a proxied one: with "loopback", any local process
    // can write X-Forwarded-For and so pick its own address.
    TRUST_PROXY: z
      .string()
      .trim()
      .min(1)
      .default("false")
      .transform((v) => (v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    RATE_LIMIT_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    // Wrong passwords per (email, client address) per 15 minutes; the other login limits derive from it.
    RATE_LIMIT_LOGIN_PER_15_MIN: z.coerce.number().int().min(1).default(10),
    // Registration attempts per client address per hour: they create accounts, and a taken email
    // answers 409, so this is also how fast one address can test which emails have accounts.
    RATE_LIMIT_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).default(20),
    // Guest listen tokens, per client address: a venue's phones often share one address.
    RATE_LIMIT_GUEST_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    // How long a replica may answer cookie and session-role lookups from memory (0 disables the caches).
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    // Q&A: per user. Keep the defaults strict; the fan-out bench raises them for its synthetic users.
    RATE_LIMIT_QUESTIONS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_VOTES_PER_SECOND: z.coerce.number().int().min(1).default(10),
    // At most one vote-count broadcast per session per this many ms, per api process.
    QA_VOTE_FLUSH_MS: z.coerce.number().int().min(20).max(5000).default(250),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    for (const key of ["LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "ORGANISER_EMAIL", "ORGANISER_PASSWORD"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
    if (env.SEED_DEMO) ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "demo accounts are for development only" });
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof ZEnv>, cwd: string) {
  const isProduction = env.NODE_ENV === "production";
  return {
    env: env.NODE_ENV,
    isProduction,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ""),
    /** Served over https: only then are HSTS and upgrade-insecure-requests sent. */
    https: new URL(env.PUBLIC_URL).protocol === "https:",
    allowedOrigins: env.ALLOWED_ORIGINS ?? [new URL(env.PUBLIC_URL).origin],
    database: env.DATABASE_URL
      ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
      : ({ kind: "pglite", dir: path.resolve(cwd, env.PGLITE_DIR), checkpointMs: env.PGLITE_CHECKPOINT_SECONDS * 1000 } as const),
    redisUrl: env.REDIS_URL,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX,
    livekit: env.LIVEKIT_URL
      ? {
          enabled: true as const,
          url: env.LIVEKIT_URL,
          apiKey: env.LIVEKIT_API_KEY ?? "devkey",
          apiSecret: env.LIVEKIT_API_SECRET ?? "secret",
          tokenTtlSeconds: env.LIVEKIT_TOKEN_TTL_SECONDS,
        }
      : { enabled: false as const, reason: env.MEDIA_DISABLED_REASON ?? "LIVEKIT_URL is empty" },
    organiser:
      env.ORGANISER_EMAIL && env.ORGANISER_PASSWORD
        ? { email: env.ORGANISER_EMAIL.toLowerCase(), password: env.ORGANISER_PASSWORD, name: env.ORGANISER_NAME }
        : undefined,
    seedDemo: env.SEED_DEMO,
    clientDist: env.CLIENT_DIST ? path.resolve(cwd, env.CLIENT_DIST) : undefined,
    cookieSecure: env.COOKIE_SECURE ?? isProduction,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    authCacheMs: env.AUTH_CACHE_SECONDS * 1000,
    rateLimits: {
      tokensPerMinute: env.RATE_LIMIT_TOKENS_PER_MINUTE,
      loginPer15Min: env.RATE_LIMIT_LOGIN_PER_15_MIN,
      registrationsPerHour: env.RATE_LIMIT_REGISTRATIONS_PER_HOUR,
      guestTokensPerMinute: env.RATE_LIMIT_GUEST_TOKENS_PER_MINUTE,
      questionsPerMinute: env.RATE_LIMIT_QUESTIONS_PER_MINUTE,
      votesPerSecond: env.RATE_LIMIT_VOTES_PER_SECOND,
    },
    qa: { voteFlushMs: env.QA_VOTE_FLUSH_MS },
  };
}

/** Raised when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment into a typed config or throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  // Empty strings from shells and .env files mean "unset", except LIVEKIT_URL where "" disables media.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && (v !== "" || k === "LIVEKIT_URL")),
  );
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(result.data, cwd);
}
