import type { RouteObject } from "react-router";

/** The stage console; loaded on demand because it brings in the LiveKit client. */
export const stageRoutes: RouteObject[] = [
  { path: "sessions/:id/stage", lazy: async () => ({ Component: (await import("./StagePage.tsx")).StagePage }) },
];
