import { describe, expect, test } from "vitest";
import { AppError } from "../errors.ts";
import { limiterFactory } from "../lib/rate-limit.ts";
import { ACCOUNT_BACKOFF_CAP_SECONDS, accountBackoffSeconds, createLoginThrottle, type LoginAttempt } from "./login-throttle.ts";

const PER_ADDRESS = 3;
const newThrottle = () => createLoginThrottle(limiterFactory(), { perAddress: PER_ADDRESS });

/** Plays one attempt through the throttle: "refused" (429), or the password's outcome. */
async function attempt(throttle: ReturnType<typeof newThrottle>, at: LoginAttempt, rightPassword: boolean) {
  try {
    const admitted = await throttle.admit(at);
    if (rightPassword) return { device: await admitted.succeeded() };
    await admitted.failed();
    return "wrong";
  } catch (err) {
    if (err instanceof AppError && err.code === "RATE_LIMITED") return { refused: (err.details as { retryAfterSeconds: number }).retryAfterSeconds };
    throw err;
  }
}

test.each([
  [1, 5],
  [2, 10],
  [3, 20],
  [4, 40],
  [5, 60],
  [50, 60],
])("the account backoff after excess failure %i is %i s", (excess, seconds) => {
  expect(accountBackoffSeconds(excess)).toBe(seconds);
});

describe("the attacker is slowed and the owner still gets in", () => {
  const email = "organiser@forum.test";

  test("an attacker at one address is stopped there; the owner at another address signs in", async () => {
    const throttle = newThrottle();
    for (let i = 0; i < PER_ADDRESS; i++) expect(await attempt(throttle, { email, address: "198.51.100.66" }, false)).toBe("wrong");
    // Refused before the password is checked, so even the right one teaches the attacker nothing.
    expect(await attempt(throttle, { email, address: "198.51.100.66" }, true)).toEqual({ refused: expect.any(Number) });
    expect(await attempt(throttle, { email, address: "203.0.113.7" }, true)).toEqual({ device: expect.any(String) });
  });

  test("one address spraying many accounts is stopped for all of them", async () => {
    const throttle = newThrottle();
    const sprayer = "198.51.100.77";
    for (let i = 0; i < PER_ADDRESS * 10; i++) expect(await attempt(throttle, { email: `user${i}@forum.test`, address: sprayer }, false)).toBe("wrong");
    expect(await attempt(throttle, { email: "fresh@forum.test", address: sprayer }, false)).toEqual({ refused: expect.any(Number) });
  });

  test("an attack spread over many addresses makes new browsers wait at most the cap; the owner's own browser gets straight in", async () => {
    const throttle = newThrottle();
    const first = await attempt(throttle, { email, address: "203.0.113.7" }, true);
    const device = (first as { device: string }).device;

    const free = PER_ADDRESS * 2;
    for (let i = 0; i <= free; i++) expect(await attempt(throttle, { email, address: `10.0.${i}.1` }, false)).toBe("wrong");
    // The failure past the free ones started the backoff: new addresses and browsers now wait.
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await attempt(throttle, { email, address: `10.1.${i}.1` }, false));
    for (const wait of waits) expect((wait as { refused: number }).refused).toBeLessThanOrEqual(ACCOUNT_BACKOFF_CAP_SECONDS);
    expect(await attempt(throttle, { email, address: "192.0.2.44" }, true)).toEqual({ refused: expect.any(Number) });

    // The owner's browser, from yet another address (the venue's Wi-Fi), is not held up.
    expect(await attempt(throttle, { email, address: "192.0.2.45", device }, true)).toEqual({ device });
    // A stolen device cookie alone is worth only the per-pair budget of guesses.
    for (let i = 0; i < PER_ADDRESS; i++) expect(await attempt(throttle, { email, address: `10.2.${i}.1`, device }, false)).toBe("wrong");
    expect(await attempt(throttle, { email, address: "10.3.0.1", device }, true)).toEqual({ refused: expect.any(Number) });
  });

  test("a device cookie is known only for the account that signed in with it", async () => {
    const throttle = newThrottle();
    const { device } = (await attempt(throttle, { email: "other@forum.test", address: "203.0.113.8" }, true)) as { device: string };
    for (let i = 0; i <= PER_ADDRESS * 2; i++) await attempt(throttle, { email, address: `10.4.${i}.1` }, false);
    expect(await attempt(throttle, { email, address: "203.0.113.8", device }, true)).toEqual({ refused: expect.any(Number) });
  });
});
