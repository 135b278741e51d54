import { createBrowserRouter } from "react-router";
import { agendaRoutes } from "../features/agenda/routes.tsx";
import { authRoutes } from "../features/auth/routes.tsx";
import { floorRoutes } from "../features/floor/routes.tsx";
import { listenRoutes } from "../features/listen/routes.tsx";
import { interpretationRoutes } from "../features/interpretation/routes.tsx";
import { organiserRoutes } from "../features/organiser/routes.tsx";
import { profileRoutes } from "../features/profile/routes.tsx";
import { qaFullScreenRoutes, qaRoutes } from "../features/qa/routes.tsx";
import { sessionRoutes } from "../features/session/routes.tsx";
import { stageRoutes } from "../features/stage/routes.tsx";
import { Layout } from "./Layout.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { RouteError } from "./RouteError.tsx";
import type { AppServices } from "./services.ts";

/** Every route, assembled from the features; loaders get the services they start work with. */
export const createRouter = (services: AppServices) =>
  createBrowserRouter([
    ...[...qaFullScreenRoutes, ...listenRoutes].map((route) => ({ ...route, errorElement: <RouteError /> })),
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        ...agendaRoutes,
        ...authRoutes,
        ...profileRoutes,
        ...sessionRoutes(services.joins),
        ...qaRoutes,
        ...stageRoutes,
        ...floorRoutes,
        ...interpretationRoutes,
        ...organiserRoutes,
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
