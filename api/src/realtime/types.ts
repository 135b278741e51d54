import type {
  ClientToServerEvents,
  InterServerEvents,
  ListenClientToServerEvents,
  ListenServerToClientEvents,
  ListenSocketData,
  ServerToClientEvents,
  SocketData,
} from "@plenary/shared";
import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";

export type PlenaryServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** The guest listeners' namespace (the listen-only page opened with a guest link). */
export type ListenNamespace = Namespace<ListenClientToServerEvents, ListenServerToClientEvents, InterServerEvents, ListenSocketData>;

export interface RealtimeDeps {
  config: Config;
  db: Db;
  logger: Logger;
}
