import { afterAll, beforeAll, expect, test } from "vitest";
import { API_PREFIX, openApiPath } from "../src/openapi/openapi.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { TestClient } from "./helpers/http.ts";

/** The parts of Express's router internals this test walks. */
interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  match(path: string): unknown;
}

/** Every route mounted below a router, as `METHOD /api/path/{param}`. */
const routesIn = (stack: Layer[]): string[] =>
  stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${openApiPath(layer.route!.path)}`);
    return layer.handle.stack ? routesIn(layer.handle.stack) : [];
  });

let tdb: TestDatabase;
let api: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  api = await startTestApp({ database: tdb.database });
});
afterAll(async () => {
  await api.close();
  await tdb.drop();
});

test("every route mounted under /api is in the OpenAPI document, and nothing else is", async () => {
  const stack = (api.app.app.router as unknown as { stack: Layer[] }).stack;
  // The api router is the one mounted at the prefix (and so not at the root); feature routers sit inside it.
  const apiRouter = stack.find((layer) => layer.handle.stack && layer.match(API_PREFIX) && !layer.match("/"));
  // The token route is mounted on the app itself, ahead of the api router (api/src/app.ts).
  const onApp = stack.flatMap((layer) => (layer.route?.path.startsWith(`${API_PREFIX}/`) ? [{ ...layer, route: { ...layer.route, path: layer.route.path.slice(API_PREFIX.length) } }] : []));
  const mounted = [...routesIn(onApp), ...routesIn(apiRouter!.handle.stack!)];
  expect(onApp.length).toBeGreaterThan(0);

  const doc = (await new TestClient(api.baseUrl).get("/api/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

  expect(mounted.length).toBeGreaterThan(20);
  expect(new Set(mounted).size).toBe(mounted.length);
  expect(documented.sort()).toEqual(mounted.sort());
});

test("path parameters are described by the schemas the routes validate with", async () => {
  const doc = (await new TestClient(api.baseUrl).get("/api/openapi.json")).body;
  const operation = doc.paths["/api/sessions/{id}/roles/{assignmentId}"].delete;
  expect(operation.security).toEqual([{ cookieAuth: [] }]);
  expect(operation.parameters).toEqual([
    expect.objectContaining({ name: "id", in: "path", required: true, schema: expect.objectContaining({ format: "uuid" }) }),
    expect.objectContaining({ name: "assignmentId", in: "path", required: true, schema: expect.objectContaining({ format: "uuid" }) }),
  ]);
});
