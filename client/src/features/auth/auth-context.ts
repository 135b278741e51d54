import type { TLoginRequest, TMe, ZRegisterRequest } from "@plenary/shared";
import { createContext } from "react";
import type { UiLanguage } from "../../i18n/index.ts";
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
  /**
   * The profile's language, offered after a sign-in when the interface is in another one: signing
   * in never changes the language the person is reading in by itself.
   */
  languageOffer: UiLanguage | undefined;
  dismissLanguageOffer(): void;
}

/** Provided by AuthProvider; read it through useAuth. */
export const AuthContext = createContext<AuthContextValue | null>(null);
