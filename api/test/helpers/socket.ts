import type { Ack, ClientToServerEvents, ServerToClientEvents } from "@plenary/shared";
import { io, type Socket } from "socket.io-client";
import { TEST_ORIGIN } from "./app.ts";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client over WebSocket, presenting a cookie and an Origin like a browser. */
export function connectSocket(baseUrl: string, options: { cookie?: string; origin?: string } = {}): TestSocket {
  return io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: {
      Origin: options.origin ?? TEST_ORIGIN,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
  });
}

/** Resolves once connected, rejects with the server's connect_error message. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}

/** Emits an event and resolves with its acknowledgement. */
export function emitAck<T = unknown>(socket: TestSocket, event: string, payload: unknown): Promise<Ack<T>> {
  return (socket as any).timeout(5000).emitWithAck(event, payload);
}

/** Resolves with the next payload of a server event. */
export function nextEvent<T = unknown>(socket: TestSocket, event: string): Promise<T> {
  return new Promise((resolve) => (socket as any).once(event, resolve));
}
