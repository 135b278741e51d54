// Shared set-up for the interpretation spikes: a private livekit-server v1.11.0, tokens, the room
// service, and (from api/test/helpers/rtc-ffi.ts) the two rtc-node features the SDK has natively
// but does not export: local track mute and remote publication enable/disable.
export { muteLocalTrack, setPublicationEnabled } from "../../api/test/helpers/rtc-ffi.ts";
import { AccessToken, RoomServiceClient, type VideoGrant } from "livekit-server-sdk";
// @ts-expect-error plain ESM script shared with the hub and CI
import { ensureLivekitServer, startLivekit } from "../../scripts/livekit.mjs";

export const FREQS = [440, 550, 660, 1000] as const;

/** Starts livekit-server (dev keys) on a pid-derived port block, optionally allowing server-side unmute. */
export async function startServer({ remoteUnmute = false } = {}) {
  const found = ensureLivekitServer();
  if (found.error) throw new Error(found.error);
  const port = 40000 + (process.pid % 1000) * 10;
  const server = await startLivekit({ binary: found.path, port, remoteUnmute });
  return {
    url: server.url as string,
    rooms: new RoomServiceClient(`http://127.0.0.1:${port}`, "devkey", "secret"),
    token: (room: string, identity: string, grant: Partial<VideoGrant> = {}) => {
      const at = new AccessToken("devkey", "secret", { identity, ttl: 600 });
      at.addGrant({ room, roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false, ...grant });
      return at.toJwt();
    },
    stop: (): Promise<void> => server.stop(),
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
