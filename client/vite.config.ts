import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The dev server proxies the api (REST and Socket.IO) so the app runs same-origin, as in production.
 * The api checks Origin on writes: start it with ALLOWED_ORIGINS=http://localhost:5173 in dev.
 */
const API_TARGET = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: API_TARGET },
      "/socket.io": { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // livekit-client alone is ~580 kB minified; it is split out and only loaded by the session and stage routes.
    chunkSizeWarningLimit: 700,
  },
});
