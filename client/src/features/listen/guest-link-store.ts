import type { TListenLinkCreated } from "@plenary/shared";

/**
 * The guest link this device made for a session. The api keeps only a hash of the token, so the
 * device that made the link is the only place it can be shown again: the moderator console and the
 * presenter screen on the venue computer share it through localStorage.
 */
export type StoredLink = Pick<TListenLinkCreated, "id" | "token" | "expiresAt">;

const storageKey = (sessionId: string) => `plenary.listen-link.${sessionId}`;

/** Pages of this tab that show the link: the browser's storage event reaches only other tabs. */
const local = new Set<() => void>();

/** The stored link while it is still valid (a reload keeps the same code). */
export function storedLink(sessionId: string): StoredLink | undefined {
  try {
    const link = JSON.parse(localStorage.getItem(storageKey(sessionId)) ?? "null") as StoredLink | null;
    return link && Date.parse(link.expiresAt) > Date.now() ? link : undefined;
  } catch {
    return undefined;
  }
}

/** Stores (or forgets, with `undefined`) the session's link and tells every page showing it. */
export function rememberLink(sessionId: string, link: StoredLink | undefined): void {
  try {
    if (link) localStorage.setItem(storageKey(sessionId), JSON.stringify({ id: link.id, token: link.token, expiresAt: link.expiresAt }));
    else localStorage.removeItem(storageKey(sessionId));
  } catch {
    // Private browsing may refuse storage: the code still shows until the page is reloaded.
  }
  for (const notify of local) notify();
}

/** Calls `onChange` when the stored link changes in this tab or another; returns the unsubscribe. */
export function watchLinks(onChange: () => void): () => void {
  local.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    local.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}
