import type { RouteObject } from "react-router";

/** The interpreter's booth console; loaded on demand because it brings in the LiveKit client. */
export const interpretationRoutes: RouteObject[] = [
  { path: "sessions/:id/booth", lazy: async () => ({ Component: (await import("./BoothPage.tsx")).BoothPage }) },
];
