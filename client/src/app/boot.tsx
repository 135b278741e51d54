// The app itself, loaded by main.tsx once the early work has started.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { AuthProvider } from "../features/auth/AuthProvider.tsx";
import { initI18n } from "../i18n/index.ts";
import { router } from "./router.tsx";

initI18n();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
performance.mark("plenary:app-ready");
