import type { RouteObject } from "react-router";

/** The speaker view; loaded on demand because it brings in the LiveKit client. */
export const floorRoutes: RouteObject[] = [
  { path: "sessions/:id/speak", lazy: async () => ({ Component: (await import("./SpeakerPage.tsx")).SpeakerPage }) },
];
