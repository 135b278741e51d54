import { expect, test } from "vitest";
import { listenLinkExpiry } from "./listen-links.ts";

const now = new Date("2024-05-27T08:00:00.000Z");
const hours = (h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

test.each([
  ["a session ending in an hour: three hours after its end", hours(1), undefined, hours(4)],
  ["a session that ended long ago: still one hour from now", hours(-10), undefined, hours(1)],
  ["a session ending in two days: at most a day from now", hours(48), undefined, hours(24)],
  ["asked for two hours: two hours, whatever the session", hours(10), 2, hours(2)],
  ["asked for more than a day: a day", hours(1), 30, hours(24)],
])("listen links expire sensibly: %s", (_name, endsAt, validForHours, expected) => {
  expect(listenLinkExpiry(new Date(endsAt), now, validForHours).toISOString()).toBe(expected);
});
