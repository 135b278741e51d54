import { useNavigate, useSearchParams } from "react-router";
import { safeReturnPath } from "../../lib/return-path.ts";

/** Where a sign-in page sends the user once signed in, shared by login and registration. */
export interface AfterSignIn {
  /** The page the user came from (`?next=`), when it is a safe local path. */
  next: string | undefined;
  /** Where to go once signed in: back to `next`, else the agenda. */
  target: string;
  /** Goes there, replacing the sign-in page in the history. */
  goOn(): void;
  /** The other sign-in page (`/login` ↔ `/register`), carrying `next` along. */
  linkTo(path: "/login" | "/register"): string;
}

/** The steps after signing in or registering, read from the page's `?next=`. */
export function useAfterSignIn(): AfterSignIn {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get("next"));
  const target = next ?? "/";
  return {
    next,
    target,
    goOn: () => void navigate(target, { replace: true }),
    linkTo: (path) => (next ? `${path}?next=${encodeURIComponent(next)}` : path),
  };
}
