import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";

export interface Limiter {
  /** Spends one point for `key`; throws RATE_LIMITED with a retry hint when the budget is gone. */
  consume(key: string, points?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export type LimiterFactory = (name: string, points: number, durationSeconds: number) => Limiter;

/**
 * Builds named limiters. With a Redis client the budget is shared by every api replica,
 * otherwise it is per process.
 */
export function limiterFactory(redis?: unknown): LimiterFactory {
  return (name, points, duration) => {
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix: `rl:${name}`, points, duration })
      : new RateLimiterMemory({ keyPrefix: name, points, duration });
    return {
      async consume(key, cost = 1) {
        try {
          await limiter.consume(key, cost);
        } catch (err) {
          if (err instanceof RateLimiterRes) {
            const seconds = Math.ceil(err.msBeforeNext / 1000);
            throw new AppError("RATE_LIMITED", `Too many requests. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
          }
          throw err;
        }
      },
      reset: (key) => limiter.delete(key).then(() => undefined),
    };
  };
}
