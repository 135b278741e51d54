/** Settings of the api's short-lived in-process caches (lru-cache underneath). */
export interface CacheOptions {
  /** How long an answer is trusted; 0 turns the cache off. */
  ttlMs: number;
  /** The most entries kept; the least recently used go first. */
  maxEntries?: number;
  /** Where time comes from (`performance` by default); tests pass one they can move. */
  clock?: { now(): number };
}

/**
 * The lru-cache settings every api cache uses. `ttlResolution: 0` reads the clock on each lookup
 * rather than caching it behind a 1 ms timer, which on a busy hot path arms a timer every millisecond.
 */
export const lruSettings = (options: CacheOptions, defaultMax: number) => ({
  max: options.maxEntries ?? defaultMax,
  ttl: options.ttlMs,
  ttlResolution: 0,
  perf: options.clock,
});
