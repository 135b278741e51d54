import type { TLoginRequest, TMe, ZRegisterRequest } from "@plenary/shared";
import { createContext } from "react";
import type { z } from "zod";

/** What the app knows about who is signed in, and the actions that change it. */
export interface AuthContextValue {
  /** undefined while the first check runs; null when signed out. */
  me: TMe | null | undefined;
  login(input: TLoginRequest): Promise<TMe>;
  register(input: z.input<typeof ZRegisterRequest>): Promise<TMe>;
  logout(): Promise<void>;
  /** Replaces the profile after an edit made elsewhere (e.g. PATCH /api/me). */
  setMe(me: TMe): void;
  /** Reloads the profile, e.g. after accepting an invitation adds a role. */
  refresh(): Promise<void>;
}

/** Provided by AuthProvider; read it through useAuth. */
export const AuthContext = createContext<AuthContextValue | null>(null);
