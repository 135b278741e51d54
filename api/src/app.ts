import fs from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import { LISTEN_NAMESPACE, PRESENTER_NAMESPACE, type TSession } from "@plenary/shared";
import express from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { recordAttendance } from "./attendance/record-attendance.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { ensureOrganiser } from "./auth/ensure-organiser.ts";
import { createSessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { checkOrigin, dataSecurityHeaders, errorHandler, loadUser, notFound, requestId } from "./http/middleware.ts";
import "./http/request-context.ts";
import { mountRoutes, routeHandlers } from "./http/route-table.ts";
import { limiterFactory } from "./lib/rate-limit.ts";
import type { Livekit } from "./livekit/livekit.ts";
import { webhookRoutes } from "./livekit/webhook.routes.ts";
import { API_PREFIX, openApiRoutes } from "./openapi/openapi.ts";
import { createFloorFeature } from "./floor/floor.feature.ts";
import { createInterpretationFeature } from "./interpretation/interpretation.feature.ts";
import { createListenFeature } from "./listen/listen.feature.ts";
import { createQaFeature } from "./qa/qa.feature.ts";
import { createRoomEnforcement } from "./livekit/room-enforcement.ts";
import { createSocketEnforcement } from "./realtime/socket-enforcement.ts";
import { createSocketServer, type RedisPair, type SocketFeature } from "./realtime/socket-server.ts";
import type { ListenNamespace } from "./realtime/types.ts";
import { rolesRoutes } from "./roles/roles.routes.ts";
import { createSessionsSocketFeature } from "./sessions/sessions.handlers.ts";
import { sessionsRoutes } from "./sessions/sessions.routes.ts";
import { createAccessCache } from "./tokens/access-cache.ts";
import { tokensRoutes } from "./tokens/tokens.routes.ts";

export const VERSION = "0.1.0";

export interface AppDeps {
  config: Config;
  database: Database;
  livekit: Livekit;
  logger: Logger;
  /** Redis clients (node-redis) for the Socket.IO adapter and shared rate limits; absent = single process. */
  redis?: RedisPair;
}

export interface App {
  app: express.Express;
  httpServer: HttpServer;
  realtime: ReturnType<typeof createSocketServer>;
  /** Starts listening; resolves with the bound port (useful with port 0 in tests). */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** The LiveKit server's origins as the browser reaches it: signalling (ws/wss) and its http(s) twin. */
function livekitOrigins(livekit: Config["livekit"]): string[] {
  if (!livekit.enabled) return [];
  const url = new URL(livekit.url);
  const secure = url.protocol === "wss:" || url.protocol === "https:";
  return [`${secure ? "wss" : "ws"}://${url.host}`, `${secure ? "https" : "http"}://${url.host}`];
}

/** The composition root: builds every service and route from injected dependencies. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, database, livekit, logger } = deps;
  const db = database.prisma;
  if (config.organiser && (await ensureOrganiser({ db, organiser: config.organiser })) === "refused") {
    logger.warn({ email: config.organiser.email }, "ORGANISER_EMAIL belongs to an account whose password is not ORGANISER_PASSWORD: it was not made organiser");
  }

  const limiter = limiterFactory(deps.redis?.pub);
  const app = express();
  const httpServer = createServer(app);
  const features: SocketFeature[] = [];
  const realtime = createSocketServer(httpServer, { config, db, sql: database.query, logger, redis: deps.redis, features, loginNamespaces: [PRESENTER_NAMESPACE] });
  const sessionsSocket = createSessionsSocketFeature({ config, db, logger, io: realtime.io });
  features.push(sessionsSocket.onConnection);
  const qa = createQaFeature({ store: { sql: database.query, transaction: database.transaction }, io: realtime.io, config, logger, limiter });
  const guests = realtime.io.of(LISTEN_NAMESPACE) as unknown as ListenNamespace;
  const interpretation = createInterpretationFeature({ store: { sql: database.query, transaction: database.transaction }, io: realtime.io, guests, livekit, logger, limiter });
  features.push(interpretation.onConnection);
  const floor = createFloorFeature({ store: { sql: database.query, transaction: database.transaction }, io: realtime.io, livekit, interpretation: interpretation.broadcaster, logger, limiter });
  features.push(floor.onConnection);
  const listen = createListenFeature({ config, store: { sql: database.query, transaction: database.transaction }, guests, broadcaster: interpretation.broadcaster, livekit, logger, limiter });
  // Features are read per connection, and nothing connects before listen().
  features.push(qa.onConnection);
  await qa.reconcileVoteCounts();

  app.disable("x-powered-by");
  // API responses are per-user and uncacheable; hashing every body for an ETag costs throughput.
  app.set("etag", false);
  app.set("trust proxy", config.trustProxy);
  app.use(requestId);

  const sessions = createSessionCache(database.query, { ttlMs: config.authCacheMs });
  const access = createAccessCache(database.query, { ttlMs: config.authCacheMs });
  const rooms = createRoomEnforcement({ db, livekit, logger });
  const sockets = createSocketEnforcement({ db, io: realtime.io, presenters: qa.presenters, guests, logger });
  const onSessionUpdated = async (session: TSession) => {
    access.invalidateSession(session.id);
    // Followers hear of the change (and of the floor it ends) before those no longer allowed
    // leave the session's rooms.
    sessionsSocket.broadcastSessionUpdated(session);
    if (session.status === "ENDED") await floor.sessionEnded(session.id);
    await Promise.all([sockets.sessionChanged(session.id), rooms.sessionUpdated(session)]);
  };
  const onStaffChanged = async (sessionId: string, userId: string) => {
    access.invalidateSession(sessionId);
    await sockets.staffChanged(sessionId, userId);
  };
  // Each feature declares its routes once, as a table: mounted below and documented in /openapi.json.
  const tables = {
    webhook: webhookRoutes({ livekit, onEvent: (event) => recordAttendance({ db, logger, event }) }),
    tokens: tokensRoutes({ access, livekit, limiter: limiter("token", config.rateLimits.tokensPerMinute, 60) }),
    health: healthRoutes({ database, livekit, version: VERSION }),
    auth: authRoutes({ db, config, limiter, sessions, onLogout: (token, userId) => {
        realtime.disconnectLogin(token);
        if (userId) void floor.loggedOut(userId);
      },
    }),
    sessions: sessionsRoutes({ db, config, events: { onSessionUpdated } }),
    roles: rolesRoutes({ db, onStaffChanged, onStaffRemoved: async (sessionId, userId) => {
        await floor.staffRemoved(sessionId, userId);
        await rooms.staffRemoved(sessionId, userId);
      },
    }),
    qa: qa.routes,
    listen: listen.routes,
  };
  const openApi = openApiRoutes({ version: VERSION, routes: Object.values(tables).flat() });

  // JSON is never rendered, so the API needs only a few static headers; helmet's full set (CSP and
  // friends) guards the pages below and costs a third of the token route's throughput if run here.
  const dataHeaders = dataSecurityHeaders({ https: config.https });
  const json = express.json({ limit: "32kb" });
  const originCheck = checkOrigin(config.allowedOrigins);
  const userLoader = loadUser(sessions);
  // The hottest route (a join burst asks for thousands of tokens at once) is mounted on the app
  // itself, with just the middleware it needs, ahead of the api router: every nested router a
  // request walks allocates per request, and the young-generation collections of that garbage were
  // the token route's p99 (bench/token-issuance.ts). Same middleware, same order, same answers.
  for (const route of tables.tokens) app[route.method](`${API_PREFIX}${route.path}`, dataHeaders, json, originCheck, userLoader, ...routeHandlers(route));

  const api = express.Router();
  api.use(dataHeaders);
  // The webhook needs the raw body for its signature, so it is mounted before the JSON parser.
  api.use(mountRoutes(tables.webhook));
  api.use(json);
  api.use(originCheck);
  api.use(userLoader);
  api.use(mountRoutes(tables.health));
  api.use(mountRoutes(openApi));
  api.use(mountRoutes(tables.auth));
  api.use(mountRoutes(tables.sessions));
  api.use(mountRoutes(tables.roles));
  api.use(mountRoutes(tables.qa));
  api.use(mountRoutes(tables.listen));
  api.use(notFound);
  app.use(API_PREFIX, api);

  if (config.clientDist && fs.existsSync(path.join(config.clientDist, "index.html"))) {
    const index = path.join(config.clientDist, "index.html");
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            // The page talks to its own origin (REST, Socket.IO) and to the LiveKit server only.
            "connect-src": ["'self'", ...livekitOrigins(config.livekit)],
            "media-src": ["'self'", "blob:"],
            "img-src": ["'self'", "data:", "blob:"],
            // Over plain http (development, next to a ws:// LiveKit) upgrading would break every
            // request the page makes; helmet sends it unless told not to.
            "upgrade-insecure-requests": config.https ? [] : null,
          },
        },
        strictTransportSecurity: config.https,
      }),
    );
    app.use(express.static(config.clientDist, { index: false, maxAge: "1h" }));
    // Client-side routes: any other GET that is not a file gets the app shell.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(index));
  }
  app.use(notFound);
  app.use(errorHandler(logger));

  return {
    app,
    httpServer,
    realtime,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async () => {
      await qa.close();
      interpretation.close();
      floor.close();
      await new Promise<void>((resolve) => realtime.io.close(() => resolve()));
    },
  };
}
