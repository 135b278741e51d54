import { hashToken, newToken } from "../lib/crypto.ts";
import type { LimiterFactory } from "../lib/rate-limit.ts";

/** One login attempt: the account it is for, where it comes from, and the browser's device token. */
export interface LoginAttempt {
  email: string;
  /** The client address (see TRUST_PROXY): one the client cannot choose. */
  address: string;
  /** The device cookie a successful login left in this browser, if any. */
  device?: string;
}

const FIFTEEN_MINUTES = 15 * 60;
const DAY = 24 * 3600;
/** How long a browser stays a known device of an account, from its first successful login. */
export const DEVICE_TTL_SECONDS = 21 * DAY;
/** The longest an account's backoff ever refuses a new browser: a wait, not a lockout. */
export const ACCOUNT_BACKOFF_CAP_SECONDS = 60;

/**
 * Seconds an account refuses attempts from new browsers after its `excess`-th failure beyond the
 * free ones: 5, 10, 20, 40, then the cap. Doubling slows a spread-out attack quickly; the cap
 * means the owner who arrives in the middle of one waits a minute at most.
 */
export const accountBackoffSeconds = (excess: number): number => Math.min(ACCOUNT_BACKOFF_CAP_SECONDS, 5 * 2 ** Math.max(0, excess - 1));

/**
 * Login throttling in three layers, so that guessing stays slow without letting anyone lock the
 * owner out:
 * - per (email, address): `perAddress` wrong passwords per 15 minutes. An attacker at one address
 *   is stopped there, and the owner elsewhere is not affected.
 * - per address, over all emails: ten times that, against one address spraying many accounts.
 * - per account, from anywhere: after `2 × perAddress` wrong passwords in a day, every further
 *   one makes the account refuse new browsers for an exponentially longer wait, capped at a minute.
 *   That bounds an attack spread over many addresses to about one guess a minute.
 * A browser that has signed in to the account before (its device cookie) skips the last two: it is
 * limited on its own, per (email, device), so no attacker can keep the owner's own browser out.
 * Budgets are spent before the password is checked, so parallel attempts cannot overrun them.
 */
export function createLoginThrottle(limiter: LimiterFactory, options: { perAddress: number }) {
  const perPair = limiter("login-email-address", options.perAddress, FIFTEEN_MINUTES);
  const perAddress = limiter("login-address", options.perAddress * 10, FIFTEEN_MINUTES);
  const freeAccountFailures = options.perAddress * 2;
  const accountFailures = limiter("login-account-failures", freeAccountFailures, DAY);
  const accountBackoff = limiter("login-account-backoff", 1, ACCOUNT_BACKOFF_CAP_SECONDS);
  const knownDevices = limiter("login-known-device", 1, DEVICE_TTL_SECONDS);

  const deviceKey = (email: string, device: string) => `${email}|${hashToken(device)}`;
  const isKnown = async ({ email, device }: LoginAttempt) => device !== undefined && (await knownDevices.spent(deviceKey(email, device))) > 0;
  const pairKey = (attempt: LoginAttempt, known: boolean) => (known ? `device:${deviceKey(attempt.email, attempt.device!)}` : `${attempt.email}|${attempt.address}`);

  return {
    /**
     * Admits an attempt or throws RATE_LIMITED. Resolves with what to call once the password has
     * been checked: `failed()` or `succeeded()`.
     */
    async admit(attempt: LoginAttempt) {
      const known = await isKnown(attempt);
      const pair = pairKey(attempt, known);
      if (!known) await accountBackoff.check(attempt.email);
      await perPair.consume(pair);
      if (!known) await perAddress.consume(attempt.address);
      return {
        known,
        /** A wrong password keeps its spent budgets and may start the account's backoff. */
        async failed() {
          const failures = await accountFailures.count(attempt.email);
          if (failures > freeAccountFailures) await accountBackoff.block(attempt.email, accountBackoffSeconds(failures - freeAccountFailures));
        },
        /**
         * The right password gives back what the attempt spent, and makes this browser a known
         * device of the account; resolves with the device token to keep in its cookie. The
         * account's failure count is left alone: the owner signing in must not hand an ongoing
         * attack a fresh set of free guesses.
         */
        async succeeded(): Promise<string> {
          await perPair.reset(pair);
          if (!known) await perAddress.refund(attempt.address);
          const device = attempt.device ?? newToken();
          if (!known) await knownDevices.count(deviceKey(attempt.email, device));
          return device;
        },
      };
    },
  };
}
