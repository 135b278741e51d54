// `npm run hub`: installs what is missing, then runs the whole hub on one machine —
// api + built client on http://localhost:3000, embedded PGlite, and a local LiveKit dev server.
import { spawn } from "node:child_process";
import { API_NODE_ARGS, buildApi, buildClient, generatePrismaClient, installPackages, ROOT } from "./setup.mjs";
import { ensureLivekitServer, startLivekit } from "./livekit.mjs";

const PORT = process.env.PORT ?? "3000";
const LIVEKIT_PORT = Number(process.env.LIVEKIT_PORT ?? 7880);

installPackages();
generatePrismaClient();
buildClient();
await buildApi();

const env = { ...process.env, PORT, SEED_DEMO: process.env.SEED_DEMO ?? "true", CLIENT_DIST: "client/dist", PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${PORT}` };
let livekit;
const found = ensureLivekitServer();
if (found.error) {
  env.LIVEKIT_URL = "";
  env.MEDIA_DISABLED_REASON = found.error;
  console.warn(`\n⚠ Media is OFF: ${found.error}.\n  Agenda, accounts and Q&A work; joining a session's audio/video does not.\n  Fix: install Go (1.24+) so this script can build livekit-server, or put livekit-server on PATH, then rerun.\n`);
} else {
  try {
    livekit = await startLivekit({ binary: found.path, port: LIVEKIT_PORT, webhookUrl: `http://127.0.0.1:${PORT}/api/livekit/webhook` });
    env.LIVEKIT_URL = livekit.url;
    console.log(`› LiveKit dev server on ${livekit.url}`);
  } catch (err) {
    env.LIVEKIT_URL = "";
    env.MEDIA_DISABLED_REASON = `livekit-server did not start (${err.message}); is port ${LIVEKIT_PORT} in use?`;
    console.warn(`\n⚠ Media is OFF: ${env.MEDIA_DISABLED_REASON}\n`);
  }
}

const api = spawn(process.execPath, API_NODE_ARGS, { cwd: ROOT, env, stdio: "inherit" });
const ready = setInterval(async () => {
  const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok, () => false);
  if (!ok) return;
  clearInterval(ready);
  console.log(`\n✔ Plenary is running: open ${env.PUBLIC_URL}\n  (demo logins above; press Ctrl+C to stop)\n`);
}, 300);

const shutdown = async (code = 0) => {
  clearInterval(ready);
  api.kill("SIGTERM");
  await livekit?.stop();
  process.exit(code);
};
api.once("exit", (code) => shutdown(code ?? 1));
process.once("SIGINT", () => shutdown(0));
process.once("SIGTERM", () => shutdown(0));
