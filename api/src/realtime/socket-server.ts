import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server } from "socket.io";
import { findUserByToken } from "../auth/find-user-by-token.ts";
import type { SqlQuery } from "../db/client.ts";
import { dataSecurityHeaders, readSessionCookie } from "../http/middleware.ts";
import { disconnectEverywhere } from "./everywhere.ts";
import { loginRoom, userRoom } from "./login-rooms.ts";
import type { PlenaryServer, PlenarySocket, RealtimeDeps } from "./types.ts";

export interface RedisPair {
  pub: unknown;
  sub: unknown;
}

/** Feature modules add their socket handlers through this hook, keeping the server generic. */
export type SocketFeature = (socket: PlenarySocket, io: PlenaryServer) => void;

/**
 * The Socket.IO server: cookie-authenticated handshake, Origin allow-list, small frames,
 * and the Redis adapter when several api processes share sessions.
 */
export function createSocketServer(
  httpServer: HttpServer,
  deps: RealtimeDeps & {
    sql: SqlQuery;
    redis?: RedisPair;
    features?: SocketFeature[];
    /** Other namespaces whose sockets may be opened with the login cookie (they join `loginRoom` too). */
    loginNamespaces?: string[];
  },
) {
  const { config, logger } = deps;
  const io: PlenaryServer = new Server(httpServer, {
    path: "/socket.io",
    maxHttpBufferSize: 16 * 1024,
    cors: { origin: config.allowedOrigins, credentials: true },
    // Refuse foreign origins before the upgrade; same-origin polling may omit Origin, so absence is allowed
    // (the cookie check below still applies).
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || config.allowedOrigins.includes(origin));
    },
  });
  if (deps.redis) io.adapter(createAdapter(deps.redis.pub as never, deps.redis.sub as never, { key: config.redisChannelPrefix }));
  // Engine.IO answers its HTTP requests (polling, and its refusals) itself, outside Express.
  io.engine.use(dataSecurityHeaders({ https: config.https }));

  io.use(async (socket, next) => {
    try {
      const token = readSessionCookie(socket.handshake.headers.cookie);
      const user = await findUserByToken({ sql: deps.sql, token });
      if (!user) return next(new Error("UNAUTHENTICATED"));
      socket.data = { userId: user.id, isOrganiser: user.isOrganiser, joinedSessions: [] };
      await socket.join([loginRoom(token!), userRoom(user.id)]);
      next();
    } catch (err) {
      logger.error({ err }, "socket auth failed");
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    for (const feature of deps.features ?? []) feature(socket, io);
  });

  return {
    io,
    /** Closes the sockets opened with a login that has just ended: they were authorised by it alone. */
    disconnectLogin(token: string) {
      for (const name of ["/", ...(deps.loginNamespaces ?? [])]) disconnectEverywhere(io.of(name), loginRoom(token));
    },
  };
}
