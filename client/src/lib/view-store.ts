/**
 * A view of something that lives outside React (a socket follower, a controller), for
 * `useSyncExternalStore`: an immutable snapshot replaced by patches, and the listeners told of each.
 */
export class ViewStore<V extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(protected view: V) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): V => this.view;

  /** A new snapshot with `patch` applied; every listener hears of it. */
  protected set(patch: Partial<V>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Forgets every listener (the follower stopped for good). */
  protected forgetListeners(): void {
    this.listeners.clear();
  }
}
