// One load-generator process for bench/qa-fanout.ts: holds a share of the receiving sockets and
// timestamps every receipt with the monotonic clock, which all processes on the machine share.
// Driven over IPC by the bench; never run on its own.
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";

export type WorkerCommand =
  | { cmd: "connect"; url: string; cookies: string[]; sessionId?: string }
  | { cmd: "listen"; event: string }
  | { cmd: "receipts"; key: string; deadlineMs: number }
  | { cmd: "vote"; questionId: string; voters: number[]; startNs: string; spreadMs: number }
  | { cmd: "watchVotes"; questionId: string; target: number }
  | { cmd: "cpu" }
  | { cmd: "disconnect" };

const now = () => process.hrtime.bigint();
const sockets: Socket[] = [];
const receipts = new Map<string, number[]>();
const waiting = new Map<string, () => void>();
const listening = new Set<string>();

function connectOne(url: string, cookie: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 10_000, extraHeaders: cookie ? { Cookie: cookie } : {} });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const handlers: { [K in WorkerCommand["cmd"]]: (msg: Extract<WorkerCommand, { cmd: K }>) => Promise<unknown> } = {
  async connect({ url, cookies, sessionId }) {
    for (let i = 0; i < cookies.length; i += 100) {
      const batch = await Promise.all(cookies.slice(i, i + 100).map((c) => connectOne(url, c || undefined)));
      if (sessionId) {
        const acks = await Promise.all(batch.map((s) => s.timeout(10_000).emitWithAck("qa:sync", { sessionId })));
        const refused = acks.find((a) => "error" in a);
        if (refused) throw new Error(`qa:sync refused: ${JSON.stringify(refused)}`);
      }
      sockets.push(...batch);
    }
    return sockets.length;
  },
  async listen({ event }) {
    if (listening.has(event)) return sockets.length;
    listening.add(event);
    for (const socket of sockets) {
      socket.on(event, (payload: { question: { text: string } }) => {
        const at = Number(now());
        const key = payload.question.text;
        const list = receipts.get(key) ?? [];
        list.push(at);
        receipts.set(key, list);
        if (list.length === sockets.length) waiting.get(key)?.();
      });
    }
    return sockets.length;
  },
  /** Receipt times of one message on this worker's sockets, once all have it or at the deadline. */
  async receipts({ key, deadlineMs }) {
    if ((receipts.get(key)?.length ?? 0) < sockets.length) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadlineMs);
        waiting.set(key, () => (clearTimeout(timer), resolve()));
      });
    }
    waiting.delete(key);
    const times = receipts.get(key) ?? [];
    receipts.delete(key);
    return times;
  },
  async vote({ questionId, voters, startNs, spreadMs }) {
    // Vote k is due at (k / count) of the spread; each tick sends every vote that is due.
    const start = BigInt(startNs);
    const acks = { ok: 0, refused: 0 };
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const elapsedMs = Number(now() - start) / 1e6;
        const due = Math.min(voters.length, Math.floor((elapsedMs / spreadMs) * voters.length) + 1);
        for (; sent < due; sent++) {
          sockets[voters[sent]!]!.emit("qa:vote", { questionId, clientId: randomUUID(), up: true }, (ack: object) => ("data" in ack ? acks.ok++ : acks.refused++));
        }
        if (sent === voters.length) resolve(clearInterval(tick));
      }, 5);
    });
    const lastSentNs = String(now());
    while (acks.ok + acks.refused < voters.length) await new Promise((r) => setTimeout(r, 2));
    return { ...acks, lastSentNs };
  },
  async watchVotes({ questionId, target }) {
    const reached = new Set<Socket>();
    let broadcasts = 0;
    let settledNs = "";
    await new Promise<void>((resolve) => {
      // A deadline, so a count that never arrives is reported rather than waited for forever.
      const deadline = setTimeout(resolve, 20_000);
      sockets.forEach((socket, i) => {
        socket.on("qa:votes-changed", (p: { counts: { id: string; voteCount: number }[] }) => {
          if (i === 0) broadcasts++;
          if (p.counts.find((c) => c.id === questionId)?.voteCount !== target) return;
          reached.add(socket);
          if (reached.size === sockets.length) {
            settledNs = String(now());
            clearTimeout(deadline);
            resolve();
          }
        });
      });
    });
    const notAtTarget = sockets.length - reached.size;
    return { settledNs, broadcasts, notAtTarget };
  },
  async cpu() {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  async disconnect() {
    for (const socket of sockets.splice(0)) socket.disconnect();
    listening.clear();
    return 0;
  },
};

process.on("message", (message: { id: number } & WorkerCommand) => {
  const { id, ...command } = message;
  (handlers[command.cmd] as (m: WorkerCommand) => Promise<unknown>)(command).then(
    (result) => process.send!({ id, result }),
    (err: unknown) => process.send!({ id, error: String(err) }),
  );
});
