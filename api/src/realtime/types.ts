import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "@plenary/shared";
import type { Logger } from "pino";
import type { Server, Socket } from "socket.io";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";

export type PlenaryServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeDeps {
  config: Config;
  db: Db;
  logger: Logger;
}
