import { expect, test } from "vitest";
import { presenterLinkExpiry } from "./presenter-links.ts";

const now = new Date("2024-05-27T08:00:00.000Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

test.each([
  ["a session ending in an hour: two hours after its end", hours(1), hours(3)],
  ["a session that ended long ago: still one hour from now", hours(-10), hours(1)],
  ["a session ending in two days: at most a day from now", hours(48), hours(24)],
])("presenter links expire sensibly: %s", (_name, endsAt, expected) => {
  expect(presenterLinkExpiry(new Date(endsAt), now).toISOString()).toBe(expected);
});
