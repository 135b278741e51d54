import { type QA_MODES, SESSION_TYPES, type TSession, type UN_LANGUAGES } from "@plenary/shared";
import { isoToZonedLocal, zonedLocalToIso } from "../../lib/zoned-datetime.ts";

type Language = (typeof UN_LANGUAGES)[number];

/** The session form's values; times are `datetime-local` strings in the event's time zone. */
export interface SessionFormValues {
  title: string;
  description: string;
  type: (typeof SESSION_TYPES)[number];
  room: string;
  startsAtLocal: string;
  endsAtLocal: string;
  languages: Language[];
  qaMode: (typeof QA_MODES)[number];
}

/** A blank form: all six languages, moderated Q&A, starting on the event's first day at 09:00. */
export const emptySessionForm = (firstDay: string): SessionFormValues => ({
  title: "",
  description: "",
  type: SESSION_TYPES[2],
  room: "",
  startsAtLocal: `${firstDay}T09:00`,
  endsAtLocal: `${firstDay}T10:30`,
  languages: ["ar", "zh", "en", "fr", "ru", "es"],
  qaMode: "MODERATED",
});

/** The form values for an existing session, with times shown in the event's zone. */
export const sessionFormValuesOf = (session: TSession, timeZone: string): SessionFormValues => ({
  title: session.title,
  description: session.description,
  type: session.type,
  room: session.room,
  startsAtLocal: isoToZonedLocal(session.startsAt, timeZone),
  endsAtLocal: isoToZonedLocal(session.endsAt, timeZone),
  languages: session.languages as Language[],
  qaMode: session.qaMode,
});

/**
 * The request body: wall-clock times become ISO 8601 with the event zone's offset, so a session
 * set up from another continent still starts at the right time in the venue. An empty time
 * becomes "" and is reported by the shared schema as invalid.
 */
export const sessionRequestOf = (values: SessionFormValues, timeZone: string) => ({
  title: values.title,
  description: values.description,
  type: values.type,
  room: values.room,
  startsAt: zonedLocalToIso(values.startsAtLocal, timeZone) ?? "",
  endsAt: zonedLocalToIso(values.endsAtLocal, timeZone) ?? "",
  languages: values.languages,
  qaMode: values.qaMode,
});
