import { DisconnectReason } from "livekit-client";
import { describe, expect, test } from "vitest";
import { ApiError } from "../../lib/api.ts";
import { accessGate, autoRetryMs, blockReasonFor, disconnectOutcome, pollIntervalMs, rejoinDelayMs, roleFromQuery } from "./join-flow.ts";

test.each([
  [null, "attendee"],
  ["stage", "stage"],
  ["moderator", "moderator"],
  ["organiser", "attendee"],
  ["", "attendee"],
])("roleFromQuery(%j) → %s", (value, role) => {
  expect(roleFromQuery(value)).toBe(role);
});

describe("blockReasonFor", () => {
  test.each([
    ["UNAUTHENTICATED", "SCHEDULED", "signin"],
    ["FORBIDDEN", "LIVE", "forbidden"],
    ["SESSION_NOT_OPEN", "SCHEDULED", "not-live"],
    ["SESSION_NOT_OPEN", "ENDED", "ended"],
    ["UNAVAILABLE", "LIVE", "media-off"],
    ["NOT_FOUND", "LIVE", "not-found"],
    ["RATE_LIMITED", "LIVE", "rate-limited"],
    ["NETWORK", "LIVE", "network"],
    ["INTERNAL", "LIVE", "error"],
  ] as const)("%s while %s → %s", (code, status, reason) => {
    expect(blockReasonFor(new ApiError(code, "", 0), { status })).toBe(reason);
  });
});

test.each([
  [DisconnectReason.CLIENT_INITIATED, { kind: "ignore" }],
  [DisconnectReason.DUPLICATE_IDENTITY, { kind: "block", reason: "duplicate" }],
  [DisconnectReason.PARTICIPANT_REMOVED, { kind: "block", reason: "removed" }],
  [DisconnectReason.SERVER_SHUTDOWN, { kind: "rejoin" }],
  [DisconnectReason.ROOM_DELETED, { kind: "rejoin" }],
  [undefined, { kind: "rejoin" }],
])("disconnectOutcome(%s)", (reason, outcome) => {
  expect(disconnectOutcome(reason)).toEqual(outcome);
});

test("rejoin backs off and caps", () => {
  expect([0, 1, 2, 3, 4, 5].map(rejoinDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
});

test.each([
  ["attendee", "SCHEDULED", "SCHEDULED"],
  ["attendee", "LIVE", "LIVE"],
  ["stage", "SCHEDULED", "open"],
  ["stage", "LIVE", "open"],
  ["moderator", "ENDED", "ended"],
] as const)("accessGate(%s, %s) → %s", (role, status, gate) => {
  expect(accessGate(role, status)).toBe(gate);
});

test.each([
  ["scheduled, hours away", "SCHEDULED", "2024-05-27T12:00:00Z", 30_000],
  ["scheduled, 5 min away", "SCHEDULED", "2024-05-27T09:05:00Z", 5_000],
  ["scheduled, start passed", "SCHEDULED", "2024-05-27T08:00:00Z", 5_000],
  ["live", "LIVE", "2024-05-27T08:00:00Z", 30_000],
  ["ended", "ENDED", "2024-05-27T08:00:00Z", 30_000],
] as const)("pollIntervalMs: %s", (_name, status, startsAt, expected) => {
  expect(pollIntervalMs({ status, startsAt }, Date.parse("2024-05-27T09:00:00Z"))).toBe(expected);
});

test.each([
  ["connection-failed", 30_000],
  ["media-off", 30_000],
  ["network", 30_000],
  ["rate-limited", 30_000],
  ["forbidden", undefined],
  ["signin", undefined],
  ["duplicate", undefined],
  ["ended", undefined],
] as const)("autoRetryMs(%s) → %s", (reason, expected) => {
  expect(autoRetryMs(reason)).toBe(expected);
});
