/** Room operations of a Socket.IO server or namespace, whatever its event maps. */
interface RoomOperator {
  in(room: string | string[]): { socketsLeave(room: string | string[]): void; disconnectSockets(close?: boolean): void };
}
interface Rooms extends RoomOperator {
  local: RoomOperator;
}

/*
 * The Redis adapter sends `socketsLeave` and `disconnectSockets` through Redis and applies them to
 * this process's own sockets only when its request comes back, so a broadcast sent from here in
 * between would still reach them. Doing it here first closes that window; the echo finds nothing
 * left to do. Without Redis the second call is the one that does nothing.
 */

/** Makes the sockets in `among` leave `rooms`, here at once and on every other api process. */
export function leaveEverywhere(nsp: Rooms, among: string | string[], rooms: string | string[]): void {
  nsp.local.in(among).socketsLeave(rooms);
  nsp.in(among).socketsLeave(rooms);
}

/** Closes the sockets in `among`, here at once and on every other api process. */
export function disconnectEverywhere(nsp: Rooms, among: string | string[]): void {
  nsp.local.in(among).disconnectSockets(true);
  nsp.in(among).disconnectSockets(true);
}
