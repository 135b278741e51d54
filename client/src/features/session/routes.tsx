import type { RouteObject } from "react-router";

/** The session room; loaded on demand because it brings in the LiveKit client. */
export const sessionRoutes: RouteObject[] = [
  { path: "sessions/:id", lazy: async () => ({ Component: (await import("./SessionPage.tsx")).SessionPage }) },
];
