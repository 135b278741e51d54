import type { RouteObject } from "react-router";
import type { JoinConnector } from "./join-connector.ts";
import { roleFromQuery } from "./join-flow.ts";
import { SESSION_ROOM_PATH, sessionRoomOf } from "./join-route.ts";

/**
 * The session room; loaded on demand because it brings in the LiveKit client. Its loader starts
 * joining at navigation time, in parallel with downloading and rendering the page (a no-op when
 * the page's first script already started it).
 */
export const sessionRoutes = (joins: JoinConnector): RouteObject[] => [
  {
    path: SESSION_ROOM_PATH,
    loader: ({ request }) => {
      const target = sessionRoomOf(new URL(request.url));
      if (target) void joins.prepare(target.sessionId, roleFromQuery(target.as));
      return null;
    },
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import("./SessionPage.tsx")).SessionPage }),
  },
];
