import type { TSession } from "@plenary/shared";
import { expect, test } from "vitest";
import { sessionFormValuesOf, sessionRequestOf } from "./session-form.ts";

const session: TSession = {
  id: "s1",
  eventId: "e1",
  title: "Opening ceremony",
  description: "",
  type: "CEREMONY",
  room: "Room 1",
  startsAt: "2024-05-27T07:00:00.000Z",
  endsAt: "2024-05-27T08:30:00.000Z",
  status: "SCHEDULED",
  languages: ["en", "fr"],
  qaMode: "MODERATED",
  isSample: true,
};

test("shows times in the event zone and sends them back with its offset", () => {
  const values = sessionFormValuesOf(session, "Europe/Zurich");
  expect(values.startsAtLocal).toBe("2024-05-27T09:00");
  expect(values.endsAtLocal).toBe("2024-05-27T10:30");
  const body = sessionRequestOf({ ...values, endsAtLocal: "2024-05-27T11:00" }, "Europe/Zurich");
  expect(body.startsAt).toBe("2024-05-27T09:00:00+02:00");
  expect(body.endsAt).toBe("2024-05-27T11:00:00+02:00");
  expect(Date.parse(body.startsAt)).toBe(Date.parse(session.startsAt));
});

test("an empty time is sent as an empty string for the schema to reject", () => {
  const body = sessionRequestOf({ ...sessionFormValuesOf(session, "Europe/Zurich"), startsAtLocal: "" }, "Europe/Zurich");
  expect(body.startsAt).toBe("");
});
