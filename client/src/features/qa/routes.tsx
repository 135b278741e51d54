import type { RouteObject } from "react-router";

/** The moderator console, inside the site layout; loaded on demand. */
export const qaRoutes: RouteObject[] = [
  {
    path: "sessions/:id/moderate",
    lazy: async () => ({ Component: (await import("./ModeratorConsole.tsx")).ModeratorConsole }),
  },
];

/** The presenter screen fills the venue display: no site header, footer or navigation. */
export const qaFullScreenRoutes: RouteObject[] = [
  {
    path: "sessions/:id/presenter",
    lazy: async () => ({ Component: (await import("./PresenterScreen.tsx")).PresenterScreen }),
  },
];
