import type { TMe } from "@plenary/shared";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isUiLanguage, type UiLanguage } from "../../i18n/index.ts";
import { useServices } from "../../app/services.ts";
import { AuthContext, type AuthContextValue } from "./auth-context.ts";
import * as authApi from "./api.ts";

/** Loads the current user once and provides sign-in state to the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null | undefined>(undefined);
  const [languageOffer, setLanguageOffer] = useState<UiLanguage>();
  const { sockets } = useServices();
  const { i18n } = useTranslation();

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
      const preferred = user.preferredLanguage;
      setLanguageOffer(isUiLanguage(preferred) && preferred !== i18n.resolvedLanguage ? preferred : undefined);
      return user;
    };
    return {
      me,
      setMe,
      refresh,
      languageOffer,
      dismissLanguageOffer: () => setLanguageOffer(undefined),
      login: async (input) => signedIn(await authApi.login(input)),
      register: async (input) => signedIn(await authApi.register(input)),
      logout: async () => {
        await authApi.logout();
        setMe(null);
        setLanguageOffer(undefined);
      },
    };
  }, [me, refresh, sockets, languageOffer, i18n]);

  return <AuthContext value={value}>{children}</AuthContext>;
}
