// The app itself, loaded by main.tsx once the early work has started.
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { AuthProvider } from "../features/auth/AuthProvider.tsx";
import type { JoinConnector } from "../features/session/join-connector.ts";
import { type InitialLocale, initI18n } from "../i18n/index.ts";
import { SocketHub } from "../lib/socket.ts";
import { createRouter } from "./router.tsx";
import { type AppServices, ServicesContext } from "./services.ts";

/** Renders the app with the services it runs on; `joins` and `locale` come from the page's first script. */
export function boot(joins: JoinConnector, locale: InitialLocale): void {
  initI18n(locale);
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  const services: AppServices = { joins, sockets: new SocketHub() };
  const router = createRouter(services);

  const app = createRoot(root);
  startTransition(() =>
    app.render(
    <StrictMode>
      <ServicesContext value={services}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </ServicesContext>
    </StrictMode>,
    ),
  );
  performance.mark("plenary:app-ready");
}
