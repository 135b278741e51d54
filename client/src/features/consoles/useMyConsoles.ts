import type { TSession } from "@plenary/shared";
import { useAuth } from "../auth/useAuth.ts";
import { consolesFor, type StaffConsole } from "./consoles.ts";

/** The consoles the signed-in person may open for a session (none while signed out). */
export function useMyConsoles(session: Pick<TSession, "id" | "status">): StaffConsole[] {
  const { me } = useAuth();
  return consolesFor(me, session);
}
