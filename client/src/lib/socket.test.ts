import { afterEach, describe, expect, test, vi } from "vitest";

// Only the vendor boundary is replaced: socket.io-client's io(), which needs a browser and a server.
const created: { disconnect: ReturnType<typeof vi.fn> }[] = [];
vi.mock("socket.io-client", () => ({
  io: () => {
    const socket = { disconnect: vi.fn(), connected: false, on: vi.fn(), off: vi.fn(), emit: vi.fn() };
    created.push(socket);
    return socket;
  },
}));

const { acquireSocket } = await import("./socket.ts");

afterEach(() => {
  created.length = 0;
});

describe("acquireSocket (mocked socket.io-client)", () => {
  test("features on one page share one connection, closed when the last one releases it", () => {
    const session = acquireSocket();
    const qa = acquireSocket();
    expect(created).toHaveLength(1);
    expect(qa.socket).toBe(session.socket);
    session.release();
    session.release(); // idempotent: a double release must not close the other user's socket
    expect(created[0]!.disconnect).not.toHaveBeenCalled();
    qa.release();
    expect(created[0]!.disconnect).toHaveBeenCalledTimes(1);
  });

  test("after the last release, the next user gets a fresh connection", () => {
    acquireSocket().release();
    const again = acquireSocket();
    expect(created).toHaveLength(2);
    expect(again.socket).toBe(created[1]);
    again.release();
  });
});
