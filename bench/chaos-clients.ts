// The load side of bench/chaos.ts: Socket.IO clients through the balancer that ask and vote in an
// open Q&A, retry each operation with the same client id until it is acknowledged (as the web
// client does), and keep account of what was acknowledged and how long each reconnect took.
import { randomUUID } from "node:crypto";
import { followQa, type Ack, type QaState, type TQaAskResult } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";

export interface Ledger {
  /** clientId → question id, for every ask the server acknowledged. */
  asks: Map<string, string>;
  /** `${userId} ${questionId}` for every acknowledged vote. */
  votes: Set<string>;
  /** Acknowledgements that carried an error (none expected). */
  errors: string[];
  /** Disconnect → first state after the resync, in ms, per reconnect. */
  reconnects: number[];
}

export const newLedger = (): Ledger => ({ asks: new Map(), votes: new Set(), errors: [], reconnects: [] });

/** What a client shows, comparable with another client's or a fresh snapshot. */
export const viewOf = (state: QaState | undefined) =>
  Object.values(state?.questions ?? {})
    .map((q) => `${q.id}:${q.status}:${q.voteCount}`)
    .sort()
    .join("\n");

/** Emits until acknowledged, the same payload every time, waiting out disconnections; gives up only when `trying()` turns false. */
async function untilAcked<T>(socket: Socket, event: string, payload: unknown, trying: () => boolean): Promise<Ack<T> | undefined> {
  while (trying()) {
    if (!socket.connected) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      return await socket.timeout(3000).emitWithAck(event, payload);
    } catch {
      // No ack in time (the replica died, or the reply was lost): retry with the same client id.
    }
  }
  return undefined;
}

/** One participant: a socket through `baseUrl`, following the session and (unless `act` is false) asking and voting until stopped. */
export function startClient(options: { baseUrl: string; cookie: string; userId: string; sessionId: string; ledger: Ledger; pauseMs: [number, number]; act?: boolean }) {
  const { baseUrl, cookie, userId, sessionId, ledger } = options;
  const socket = io(baseUrl, { transports: ["polling", "websocket"], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 1000, extraHeaders: { Origin: baseUrl, Cookie: cookie } });
  let lostAt: number | undefined;
  let running = options.act !== false;
  // An operation already sent is retried until acknowledged, also after stop(), up to this time.
  let giveUpAt = Infinity;
  const trying = () => performance.now() < giveUpAt;
  socket.on("disconnect", () => (lostAt ??= performance.now()));
  const follower = followQa(socket, {
    sessionId,
    onState: () => {
      if (lostAt === undefined || !socket.connected) return;
      ledger.reconnects.push(performance.now() - lostAt);
      lostAt = undefined;
    },
  });
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.pauseMs[0] + Math.random() * (options.pauseMs[1] - options.pauseMs[0])));
  const mine = new Set<string>();
  const voted = new Set<string>();

  const loop = (async () => {
    while (running) {
      const clientId = randomUUID();
      const asked = await untilAcked<TQaAskResult>(socket, "qa:ask", { sessionId, clientId, text: `Chaos question ${clientId.slice(0, 8)}?` }, trying);
      if (asked && "data" in asked) {
        ledger.asks.set(clientId, asked.data.question.id);
        mine.add(asked.data.question.id);
      } else if (asked) ledger.errors.push(`ask: ${asked.error.code}`);
      await pause();
      const candidates = Object.keys(follower.state?.questions ?? {}).filter((id) => !mine.has(id) && !voted.has(id));
      const target = candidates[Math.floor(Math.random() * candidates.length)];
      if (target) {
        voted.add(target);
        const vote = await untilAcked(socket, "qa:vote", { questionId: target, clientId: randomUUID(), up: true }, trying);
        if (vote && "data" in vote) ledger.votes.add(`${userId} ${target}`);
        else if (vote) ledger.errors.push(`vote: ${vote.error.code}`);
      }
      await pause();
    }
  })();

  return {
    socket,
    get view() {
      return viewOf(follower.state);
    },
    /** Stops starting new operations; resolves once the one in flight is acknowledged (or after `drainMs`). */
    async stop(drainMs = 20_000) {
      running = false;
      giveUpAt = performance.now() + drainMs;
      await loop;
    },
    close() {
      follower.stop();
      socket.disconnect();
    },
  };
}
