import { describe, expect, test, vi } from "vitest";
import { type PlenarySocket, SocketHub } from "./socket.ts";

// A hub is given how to open a connection, so a fake stands in for socket.io-client's io().
function fakeHub() {
  const created: { disconnect: ReturnType<typeof vi.fn>; connect: ReturnType<typeof vi.fn>; connected: boolean }[] = [];
  const hub = new SocketHub(() => {
    const socket = { disconnect: vi.fn(), connect: vi.fn(), connected: false };
    created.push(socket);
    return socket as unknown as PlenarySocket;
  });
  return { hub, created };
}

describe("SocketHub", () => {
  test("features on one page share one connection, closed when the last one releases it", () => {
    const { hub, created } = fakeHub();
    const session = hub.acquire();
    const qa = hub.acquire();
    expect(created).toHaveLength(1);
    expect(qa.socket).toBe(session.socket);
    session.release();
    session.release(); // idempotent: a double release must not close the other user's socket
    expect(created[0]!.disconnect).not.toHaveBeenCalled();
    qa.release();
    expect(created[0]!.disconnect).toHaveBeenCalledTimes(1);
  });

  test("after the last release, the next user gets a fresh connection", () => {
    const { hub, created } = fakeHub();
    hub.acquire().release();
    const again = hub.acquire();
    expect(created).toHaveLength(2);
    expect(again.socket).toBe(created[1]);
  });

  test.each([
    [false, 1],
    [true, 0],
  ])("reconnect() when connected=%s connects %i time(s)", (connected, calls) => {
    const { hub, created } = fakeHub();
    hub.acquire();
    created[0]!.connected = connected;
    hub.reconnect();
    expect(created[0]!.connect).toHaveBeenCalledTimes(calls);
  });
});
