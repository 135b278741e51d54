import { Router, type Request, type RequestHandler, type Response } from "express";
import type { z } from "zod";
import { parseInput } from "../lib/validate.ts";
import { requireOrganiser, requireUser } from "./middleware.ts";
import type { AuthUser } from "./request-context.ts";

/** Who may call a route: any signed-in user, organisers only, or LiveKit (a signed webhook). */
export type RouteAuth = "user" | "organiser" | "livekit-signature";

type UserOf<A> = A extends "user" | "organiser" ? AuthUser : AuthUser | undefined;

/** What a route's handler receives: its validated inputs, the caller, and the response for headers. */
export interface RouteInput<P, B, Q, A> {
  params: P;
  body: B;
  query: Q;
  user: UserOf<A>;
  req: Request;
  res: Response;
}

/**
 * One REST route, declared once: Express mounts it with zod validation (mountRoutes) and the
 * OpenAPI document is built from the same declaration (openapi/openapi.ts), so neither can drift.
 */
export interface Route<P = unknown, B = unknown, Q = unknown, R = unknown, A extends RouteAuth | undefined = RouteAuth | undefined> {
  method: "get" | "post" | "patch" | "delete";
  /** Express path below /api, e.g. `/sessions/:id`. */
  path: string;
  summary: string;
  auth?: A;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** The JSON answer. Without it the handler writes its own response (a file, a 204). */
  response?: z.ZodType<R>;
  /** Status of a successful answer, when it is not 200. */
  status?: number;
  /** Content types of an answer the handler writes itself (documented only). */
  produces?: string[];
  /** Middleware that must run before validation, such as a raw-body parser. */
  before?: RequestHandler[];
  handle(input: RouteInput<P, B, Q, A>): Promise<R | void>;
}

/** A route of any shape, as tables hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = Route<any, any, any, any>;

/** Declares a route, inferring its input and answer types from its schemas. */
export const defineRoute = <P = undefined, B = undefined, Q = undefined, R = void, A extends RouteAuth | undefined = undefined>(
  route: Route<P, B, Q, R, A>,
): AnyRoute => route;

const GUARDS: Partial<Record<RouteAuth, RequestHandler>> = { user: requireUser, organiser: requireOrganiser };

/** The handlers that serve one route after the shared middleware: its own `before`, the auth guard, then validation and the answer. */
export function routeHandlers(route: AnyRoute): RequestHandler[] {
  const guard = route.auth && GUARDS[route.auth];
  const handler: RequestHandler = async (req, res) => {
    const result = await route.handle({
      params: route.params && parseInput(route.params, req.params),
      // A request without a JSON body leaves req.body unset; its fields are then reported one by one.
      body: route.body && parseInput(route.body, req.body ?? {}),
      query: route.query && parseInput(route.query, req.query),
      user: req.user,
      req,
      res,
    });
    if (!route.response) return;
    if (route.status) res.status(route.status);
    res.json(result);
  };
  return [...(route.before ?? []), ...(guard ? [guard] : []), handler];
}

/** Mounts a feature's route table on a router of its own. */
export function mountRoutes(routes: readonly AnyRoute[]): Router {
  const router = Router();
  for (const route of routes) router[route.method](route.path, ...routeHandlers(route));
  return router;
}
