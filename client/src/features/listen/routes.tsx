import type { RouteObject } from "react-router";

/**
 * The listen-only page fills a phone's screen: no site header or footer. Loaded on demand, so a
 * guest who scans the QR code downloads the page, the LiveKit client and nothing else of the app.
 */
export const listenRoutes: RouteObject[] = [
  {
    path: "listen/:sessionId",
    lazy: async () => ({ Component: (await import("./ListenPage.tsx")).ListenPage }),
  },
];
