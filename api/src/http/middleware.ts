import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie } from "cookie";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import type { Logger } from "pino";
import type { SessionCache } from "../auth/session-cache.ts";
import { authorizeOrganiser } from "../access/policy.ts";
import { AppError, toPublicError } from "../errors.ts";

export const SESSION_COOKIE = "plenary_session";

export const readCookie = (header: string | undefined, name: string): string | undefined => (header ? parseCookie(header)[name] : undefined);

export const readSessionCookie = (header: string | undefined): string | undefined => readCookie(header, SESSION_COOKIE);

/**
 * The address rate limits key on: Express's `req.ip` under the `trust proxy` setting (TRUST_PROXY),
 * that is the socket's peer, or behind trusted proxies the rightmost X-Forwarded-For entry they did
 * not add themselves. Either way not an address the client can write.
 */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? "unknown";

export const requestId: RequestHandler = (req, res, next) => {
  req.requestId = randomUUID();
  res.setHeader("X-Request-Id", req.requestId);
  next();
};

const API_HEADERS: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
];
/** helmet's value, so pages and the API agree. */
const HSTS: [string, string] = ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"];

/**
 * Static security headers for responses that are data, not pages (the API's JSON, Socket.IO's
 * polling): never sniffed, framed, embedded cross-origin or rendered. HSTS only when the public
 * URL is https: over plain http (development) it would pin the host to https for a year.
 * Plain Node types, so that the Socket.IO engine can run it on its own requests too.
 */
export function dataSecurityHeaders(options: { https: boolean }) {
  const headers = options.https ? [...API_HEADERS, HSTS] : API_HEADERS;
  return (_req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** Resolves the session cookie to `req.user` when present; never rejects the request itself. */
export function loadUser(sessions: SessionCache): RequestHandler {
  return async (req, _res, next) => {
    req.user = await sessions.lookup(readSessionCookie(req.headers.cookie));
    next();
  };
}

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  next();
};

export const requireOrganiser: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  authorizeOrganiser(req.user.isOrganiser);
  next();
};

/**
 * CSRF defence for cookie-authenticated writes: browsers always send Origin on cross-site
 * non-GET requests, so a foreign Origin is refused. The cookie is also SameSite=Lax, and bodies
 * are JSON only, which a plain HTML form cannot send.
 */
export function checkOrigin(allowed: string[]): RequestHandler {
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (req.method !== "GET" && req.method !== "HEAD" && origin && !allowed.includes(origin)) {
      throw new AppError("FORBIDDEN", "Cross-site request refused.");
    }
    next();
  };
}

export const notFound: RequestHandler = (_req, _res, next) => next(new AppError("NOT_FOUND", "No such route."));

/** The last handler: every error becomes `{ error }` JSON; internals are logged, never sent. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError = err;
    if (err?.type === "entity.too.large") appError = new AppError("PAYLOAD_TOO_LARGE", "Request body is too large.");
    else if (err?.type === "entity.parse.failed") appError = new AppError("BAD_REQUEST", "Request body is not valid JSON.");
    // Express and body-parser's own refusals (a malformed %-escape in the path, an unsupported
    // charset) carry a 4xx status: they are the client's mistake, not a server fault.
    else if (!(err instanceof AppError) && Number.isInteger(err?.status) && err.status >= 400 && err.status < 500) appError = new AppError("BAD_REQUEST", "The request could not be read.");
    const body = toPublicError(appError);
    if (body.code === "INTERNAL") logger.error({ err, requestId: req.requestId, path: req.path }, "unhandled error");
    res.status(appError instanceof AppError ? appError.status : 500).json({ error: body });
  };
}
