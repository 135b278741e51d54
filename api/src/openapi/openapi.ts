import { ZErrorBody } from "@plenary/shared";
import { z } from "zod";
import { SESSION_COOKIE } from "../http/middleware.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";

/** Where the route tables are mounted. */
export const API_PREFIX = "/api";

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const fieldsOf = (s: z.ZodType | undefined): Record<string, z.ZodType> => (s instanceof z.ZodObject ? s.shape : {});
/** Express `/sessions/:id` → OpenAPI `/api/sessions/{id}`. */
export const openApiPath = (path: string): string => API_PREFIX + path.replace(/:(\w+)/g, "{$1}");

function operation(route: AnyRoute) {
  const pathFields = fieldsOf(route.params);
  const params = [
    ...[...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      schema: pathFields[name!] ? schema(pathFields[name!]!, "input") : { type: "string" },
    })),
    ...Object.entries(fieldsOf(route.query)).map(([name, field]) => ({ name, in: "query", required: false, schema: schema(field, "input") })),
  ];
  const content = route.response
    ? { "application/json": { schema: schema(route.response, "output") } }
    : route.produces && Object.fromEntries(route.produces.map((type) => [type, {}]));
  return {
    summary: route.summary,
    ...(route.auth === "user" || route.auth === "organiser" ? { security: [{ cookieAuth: [] }] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(route.body, "input") } } } } : {}),
    responses: {
      [String(route.status ?? (route.response || route.produces ? 200 : 204))]: { description: "OK", ...(content ? { content } : {}) },
      default: { description: "Error", content: { "application/json": { schema: schema(ZErrorBody, "output") } } },
    },
  };
}

/** The OpenAPI 3.1 document of the given route tables; static for a given build. */
export function buildOpenApi(version: string, routes: readonly AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: { title: "Plenary API", version, description: "Hybrid session streaming hub for multilingual conferences." },
    components: { securitySchemes: { cookieAuth: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
    paths,
  };
}

/** The route serving the document, which describes every route of `routes` and itself. */
export function openApiRoutes(deps: { version: string; routes: readonly AnyRoute[] }): AnyRoute[] {
  const self = defineRoute({
    method: "get",
    path: "/openapi.json",
    summary: "This document (OpenAPI 3.1)",
    response: z.record(z.string(), z.unknown()),
    handle: async () => document,
  });
  const document = buildOpenApi(deps.version, [...deps.routes, self]);
  return [self];
}
