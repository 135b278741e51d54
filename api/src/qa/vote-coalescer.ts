/**
 * Coalesces vote-count broadcasts: however many votes arrive, each session gets at most one
 * flush per interval from this process. The first vote after a quiet spell flushes at once;
 * votes that arrive while a flush is due or running wait for the next one. Every vote marked
 * after its row was committed is followed by a flush that starts after the mark, so the last
 * count each client sees is exact.
 */
export interface VoteCoalescer {
  /** Records that a question's votes changed (call after the vote is committed). */
  mark(sessionId: string, questionId: string): void;
  /** Waits for running flushes, then flushes what is pending now; used at shutdown and by tests. */
  drain(): Promise<void>;
  /** Stops the timers; pending marks are dropped (their votes are safe in the database). */
  close(): void;
}

export interface VoteCoalescerOptions {
  intervalMs: number;
  flush(sessionId: string, questionIds: string[]): Promise<void>;
  onError(err: unknown, sessionId: string): void;
  now?: () => number;
}

export function createVoteCoalescer(options: VoteCoalescerOptions): VoteCoalescer {
  const now = options.now ?? Date.now;
  const pending = new Map<string, Set<string>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<void>>();
  const lastStart = new Map<string, number>();

  const schedule = (sessionId: string) => {
    if (timers.has(sessionId) || running.has(sessionId) || !pending.has(sessionId)) return;
    const wait = Math.max(0, (lastStart.get(sessionId) ?? -Infinity) + options.intervalMs - now());
    timers.set(sessionId, setTimeout(() => void run(sessionId), wait));
  };

  const run = (sessionId: string): Promise<void> => {
    clearTimeout(timers.get(sessionId));
    timers.delete(sessionId);
    const ids = pending.get(sessionId);
    pending.delete(sessionId);
    if (!ids) return Promise.resolve();
    lastStart.set(sessionId, now());
    const flushing = options
      .flush(sessionId, [...ids])
      .catch((err: unknown) => {
        // Keep the marks so the next flush retries them; the votes themselves are already stored.
        const again = pending.get(sessionId) ?? new Set<string>();
        for (const id of ids) again.add(id);
        pending.set(sessionId, again);
        options.onError(err, sessionId);
      })
      .finally(() => {
        running.delete(sessionId);
        schedule(sessionId);
      });
    running.set(sessionId, flushing);
    return flushing;
  };

  return {
    mark(sessionId, questionId) {
      const ids = pending.get(sessionId) ?? new Set<string>();
      ids.add(questionId);
      pending.set(sessionId, ids);
      schedule(sessionId);
    },
    async drain() {
      await Promise.all(running.values());
      await Promise.all([...pending.keys()].map(run));
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      pending.clear();
    },
  };
}
