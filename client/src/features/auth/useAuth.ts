import { useContext } from "react";
import { AuthContext, type AuthContextValue } from "./auth-context.ts";

/** The signed-in user and the sign-in actions. Must be used under {@link AuthProvider}. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
