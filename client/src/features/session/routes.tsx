import { JOIN_ROLES } from "@plenary/shared";
import type { RouteObject } from "react-router";
import { prepareJoin } from "./preconnect.ts";

/**
 * The session room; loaded on demand because it brings in the LiveKit client. Its loader starts
 * joining at navigation time, in parallel with downloading and rendering the page.
 */
export const sessionRoutes: RouteObject[] = [
  {
    path: "sessions/:id",
    loader: ({ params, request }) => {
      const as = new URL(request.url).searchParams.get("as");
      prepareJoin(params.id ?? "", JOIN_ROLES.find((r) => r === as) ?? "attendee");
      return null;
    },
    shouldRevalidate: () => false,
    lazy: async () => ({ Component: (await import("./SessionPage.tsx")).SessionPage }),
  },
];
