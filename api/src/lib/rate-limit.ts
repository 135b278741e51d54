import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";

export interface Limiter {
  /** Spends points for `key`; throws RATE_LIMITED with a retry hint when the budget is gone. */
  consume(key: string, points?: number): Promise<void>;
  /** Throws RATE_LIMITED, as `consume` would, if `key` has no budget left; spends nothing. */
  check(key: string): Promise<void>;
  /** Spends one point even past the budget, and resolves with the points spent in this window. */
  count(key: string): Promise<number>;
  /** The points `key` has spent in this window; spends nothing. */
  spent(key: string): Promise<number>;
  /** Gives one spent point back (an attempt that turned out to be legitimate). */
  refund(key: string): Promise<void>;
  /** Refuses `key` for `seconds` from now, whatever it had spent. */
  block(key: string, seconds: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export type LimiterFactory = (name: string, points: number, durationSeconds: number) => Limiter;

const rateLimited = (msBeforeNext: number) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", `Too many requests. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
};

/**
 * Builds named limiters. With a Redis client the budget is shared by every api replica,
 * otherwise it is per process. While Redis is unreachable each replica counts in its own memory
 * instead of failing the request (or waiting for Redis): a restart of Redis must not stop Q&A.
 */
export function limiterFactory(redis?: unknown): LimiterFactory {
  return (name, points, duration) => {
    // The in-memory store expires keys with setTimeout, which fires at once past 2^31 - 1 ms.
    if (duration * 1000 > 2 ** 31 - 1) throw new Error(`limiter ${name}: a window of ${duration} s is longer than timers allow`);
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix: `rl:${name}`, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
    return {
      async consume(key, cost = 1) {
        try {
          await limiter.consume(key, cost);
        } catch (err) {
          if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext);
          throw err;
        }
      },
      async check(key) {
        const res = await limiter.get(key);
        if (res && res.consumedPoints >= points) throw rateLimited(res.msBeforeNext);
      },
      count: async (key) => (await limiter.penalty(key, 1)).consumedPoints,
      spent: async (key) => (await limiter.get(key))?.consumedPoints ?? 0,
      refund: (key) => limiter.reward(key, 1).then(() => undefined),
      block: (key, seconds) => limiter.block(key, seconds).then(() => undefined),
      reset: (key) => limiter.delete(key).then(() => undefined),
    };
  };
}
