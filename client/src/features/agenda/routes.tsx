import type { RouteObject } from "react-router";
import { AgendaPage } from "./AgendaPage.tsx";

/** The agenda is the home page. */
export const agendaRoutes: RouteObject[] = [{ index: true, element: <AgendaPage /> }];
