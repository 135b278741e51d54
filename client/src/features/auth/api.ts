import { type TLoginRequest, type TMe, ZMe, type ZRegisterRequest } from "@plenary/shared";
import type { z } from "zod";
import { ApiError, apiRequest } from "../../lib/api.ts";

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<TMe | null> {
  try {
    return await apiRequest("/me", { schema: ZMe, signal });
  } catch (err) {
    if (err instanceof ApiError && err.code === "UNAUTHENTICATED") return null;
    throw err;
  }
}

/** Signs in; the api sets the httpOnly session cookie. */
export const login = (input: TLoginRequest): Promise<TMe> => apiRequest("/auth/login", { method: "POST", body: input, schema: ZMe });

/** Creates an account and signs in. */
export const register = (input: z.input<typeof ZRegisterRequest>): Promise<TMe> =>
  apiRequest("/auth/register", { method: "POST", body: input, schema: ZMe });

/** Signs out on the server, which clears the cookie. */
export const logout = (): Promise<void> => apiRequest("/auth/logout", { method: "POST" });
