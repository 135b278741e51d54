import { FLOOR, LISTEN_NAMESPACE, playbackFor, type TChannel, type TChannelStatus, type TInterpretationState } from "@plenary/shared";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { io } from "socket.io-client";
import { useServices } from "../../app/services.ts";
import type { SocketHub } from "../../lib/socket.ts";
import { requestGuestToken, requestAttendeeToken } from "./api.ts";
import { followInterpretation, type FollowProblem, type ListeningSocket } from "./interpretation-follower.ts";
import { ListenController, type ListenSnapshot } from "./listen-controller.ts";

const CHANNEL_KEY = "plenary.listen.channel";

function storedChannel(): TChannel {
  try {
    return (localStorage.getItem(CHANNEL_KEY) as TChannel | null) ?? FLOOR;
  } catch {
    return FLOOR;
  }
}

/** A guest socket in the listen namespace, or the tab's signed-in socket; and how to give it back. */
function openSocket(sockets: SocketHub, token: string | undefined): { socket: ListeningSocket; release(): void } {
  if (token) {
    const socket = io(LISTEN_NAMESPACE, { path: "/socket.io", transports: ["websocket", "polling"], auth: { token } });
    return { socket, release: () => void socket.disconnect() };
  }
  const lease = sockets.acquire();
  // The main namespace accepts the same two listening events with the same payloads.
  return { socket: lease.socket as unknown as ListeningSocket, release: lease.release };
}

/** Everything the listen page shows and does. */
export interface Listen {
  media: ListenSnapshot;
  state: TInterpretationState | undefined;
  channel: TChannel;
  /** What the chosen channel is doing now (server-decided). */
  status: TChannelStatus | undefined;
  problem: FollowProblem | undefined;
  select(channel: TChannel): void;
  setVolume(volume: number): void;
  startAudio(): void;
}

/**
 * Listens to a session: the interpretation state over a socket (guest link or signed-in), and the
 * chosen channel from the room through the {@link ListenController}. The room is joined only while
 * `live`. `token` is a guest link's; without one the signed-in user's own attendee token is used.
 */
export function useListen(sessionId: string, token: string | undefined, live: boolean): Listen {
  const [controller] = useState(
    () => new ListenController({ fetchDetails: () => (token ? requestGuestToken(token) : requestAttendeeToken(sessionId)) }),
  );
  const media = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { sockets } = useServices();
  const [state, setState] = useState<TInterpretationState>();
  const [problem, setProblem] = useState<FollowProblem>();
  const [channel, setChannel] = useState<TChannel>(storedChannel);
  const follower = useRef<ReturnType<typeof followInterpretation>>(undefined);
  // The first state says which channels this session offers; until then nothing is selected.
  const chosen = useRef<TChannel | undefined>(undefined);

  useEffect(() => () => void controller.dispose(), [controller]);

  // Opened again when the session goes live: the api refuses to sync a session that is not.
  useEffect(() => {
    const { socket, release } = openSocket(sockets, token);
    const following = followInterpretation(socket, sessionId, { onState: setState, onProblem: setProblem });
    follower.current = following;
    // A new socket (the session went live): it selects the listener's channel once it has synced.
    if (chosen.current) void following.select(chosen.current);
    return () => {
      following.stop();
      release();
    };
  }, [sockets, sessionId, token, live]);

  useEffect(() => {
    if (live) void controller.connect();
  }, [controller, live]);

  // The remembered choice, if this session offers it.
  useEffect(() => {
    if (!state || chosen.current) return;
    const remembered = storedChannel();
    const next = state.channels.some((c) => c.channel === remembered) ? remembered : FLOOR;
    chosen.current = next;
    setChannel(next);
    void follower.current?.select(next);
  }, [state]);

  const playback = state ? playbackFor(state, channel) : undefined;
  useEffect(() => controller.setPlayback({ interpreter: playback?.interpreter ?? null }), [controller, playback?.interpreter]);

  const select = useCallback((next: TChannel) => {
    chosen.current = next;
    setChannel(next);
    try {
      localStorage.setItem(CHANNEL_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice still holds for this visit.
    }
    void follower.current?.select(next);
  }, []);

  return {
    media,
    state,
    channel,
    status: playback?.status,
    problem,
    select,
    setVolume: useCallback((volume: number) => controller.setVolume(volume), [controller]),
    startAudio: useCallback(() => void controller.startAudio(), [controller]),
  };
}
