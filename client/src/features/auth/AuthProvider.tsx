import type { TMe } from "@plenary/shared";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { isUiLanguage, switchLanguage } from "../../i18n/index.ts";
import { useServices } from "../../app/services.ts";
import { AuthContext, type AuthContextValue } from "./auth-context.ts";
import * as authApi from "./api.ts";

/** Follows the profile's language on an explicit sign-in, when the interface speaks it. */
const adoptProfileLanguage = (me: TMe) => {
  if (isUiLanguage(me.preferredLanguage)) void switchLanguage(me.preferredLanguage);
};

/** Loads the current user once and provides sign-in state to the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null | undefined>(undefined);
  const { sockets } = useServices();

  const refresh = useCallback(async () => {
    setMe(await authApi.fetchMe().catch(() => null));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    authApi
      .fetchMe(controller.signal)
      .then(setMe)
      .catch(() => {
        if (!controller.signal.aborted) setMe(null);
      });
    return () => controller.abort();
  }, []);

  const value = useMemo<AuthContextValue>(() => {
    // What follows any sign-in, by login or by registering.
    const signedIn = (user: TMe): TMe => {
      sockets.reconnect();
      setMe(user);
      adoptProfileLanguage(user);
      return user;
    };
    return {
      me,
      setMe,
      refresh,
      login: async (input) => signedIn(await authApi.login(input)),
      register: async (input) => signedIn(await authApi.register(input)),
      logout: async () => {
        await authApi.logout();
        setMe(null);
      },
    };
  }, [me, refresh, sockets]);

  return <AuthContext value={value}>{children}</AuthContext>;
}
