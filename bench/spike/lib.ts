// Shared set-up for the interpretation spikes: a private livekit-server v1.11.0, tokens, the room
// service, and (from api/test/helpers/rtc-ffi.ts) the two rtc-node features the SDK has natively
// but does not export: local track mute and remote publication enable/disable.
import { spawn } from "node:child_process";
import net from "node:net";
export { muteLocalTrack, setPublicationEnabled } from "../../api/test/helpers/rtc-ffi.ts";
import { AccessToken, RoomServiceClient, type VideoGrant } from "livekit-server-sdk";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer } from "../../scripts/livekit.mjs";

export const FREQS = [440, 550, 660, 1000] as const;

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => (socket.destroy(), resolve(false)));
  });

/** Starts livekit-server (dev keys) on a pid-derived port block, with extra YAML under `room:`. */
export async function startServer({ remoteUnmute = false } = {}) {
  const found = ensureLivekitServer();
  if (found.error) throw new Error(found.error);
  const port = 40000 + (process.pid % 1000) * 10;
  const config = [
    `port: ${port}`,
    "rtc:",
    `  tcp_port: ${port + 1}`,
    `  udp_port: ${port + 2}`,
    "  use_external_ip: false",
    "  node_ip: 127.0.0.1",
    "  enable_loopback_candidate: true",
    "  ips:",
    "    includes:",
    "      - 127.0.0.1/32",
    "  use_ice_lite: true",
    "keys:",
    "  devkey: secret",
    "room:",
    "  empty_timeout: 300",
    `  enable_remote_unmute: ${remoteUnmute}`,
    "logging:",
    "  level: warn",
  ].join("\n");
  const child = spawn(found.path, ["--dev", "--bind", "127.0.0.1", "--config-body", config], { stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; !(await portOpen(port)); i++) {
    if (i > 200 || child.exitCode !== null) throw new Error("livekit-server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = `ws://127.0.0.1:${port}`;
  return {
    url,
    rooms: new RoomServiceClient(`http://127.0.0.1:${port}`, "devkey", "secret"),
    token: (room: string, identity: string, grant: Partial<VideoGrant> = {}) => {
      const at = new AccessToken("devkey", "secret", { identity, ttl: 600 });
      at.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, ...grant });
      return at.toJwt();
    },
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))),
  };
}

/** The full permission set; updateParticipant turns every omitted field false. */
export const permission = (canPublish: boolean) => ({ canSubscribe: true, canPublish, canPublishData: true, hidden: false, canUpdateMetadata: false, canPublishSources: [], canSubscribeMetrics: false });

export const ms = (n: number | undefined) => (n === undefined ? "—" : `${n.toFixed(0)} ms`);
export const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
