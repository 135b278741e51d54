/**
 * A same-site path to return to after signing in, or undefined. Only local paths are accepted so
 * a crafted `?next=` link cannot send someone to another site.
 */
export function safeReturnPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  return next;
}

/** The login route that brings the user back to `path` afterwards. */
export const loginPathFor = (path: string): string => `/login?next=${encodeURIComponent(path)}`;
