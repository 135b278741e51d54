import { createContext, useContext } from "react";
import type { JoinConnector } from "../features/session/join-connector.ts";
import type { SocketHub } from "../lib/socket.ts";

/** The long-lived clients the app creates once at boot and hands to every feature. */
export interface AppServices {
  /** Tokens and LiveKit rooms for session pages (created by the page's first script). */
  joins: JoinConnector;
  /** The tab's shared Socket.IO connection. */
  sockets: SocketHub;
}

/** Provided by boot; read it through {@link useServices}. */
export const ServicesContext = createContext<AppServices | null>(null);

/** The app's services; tests render with their own in a ServicesContext. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesContext");
  return services;
}
