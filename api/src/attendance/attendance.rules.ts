/** One recorded join or leave, as attendance reads it back. */
export interface AttendanceRow {
  identity: string;
  userId: string | null;
  participantSid: string | null;
  kind: string;
  at: Date;
}

/** One attendee: a signed-in person (all their views together) or one guest connection. */
export interface Attendee {
  /** The user id, or the identity of a guest. */
  key: string;
  userId: string | null;
  firstJoinedAt: Date;
  /** In the room now: at least one of their connections has joined and not left. */
  present: boolean;
  /** Time in the room, overlapping views counted once. */
  secondsPresent: number;
}

interface Stay {
  from: number;
  to: number | null;
}

/**
 * The stay of one LiveKit connection (one participant sid): it joins once and leaves once, so its
 * two rows pair whatever order the webhooks arrived in. A leave without its join stays out.
 */
function stayOfConnection(rows: readonly AttendanceRow[]): Stay[] {
  const joined = rows.find((r) => r.kind === "JOINED");
  const left = rows.find((r) => r.kind === "LEFT");
  return joined ? [{ from: joined.at.getTime(), to: left ? Math.max(left.at.getTime(), joined.at.getTime()) : null }] : [];
}

/**
 * The stays of one identity from rows without a sid (recorded before sids were kept), paired in
 * time order; at equal times a leave comes first, since a reconnect under one identity makes LiveKit
 * drop the old participant as the new one joins.
 */
function staysOfIdentity(rows: readonly AttendanceRow[]): Stay[] {
  const ordered = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.kind === "LEFT") - Number(a.kind === "LEFT"));
  const stays: Stay[] = [];
  let open: Stay | undefined;
  for (const row of ordered) {
    if (row.kind === "JOINED" && !open) stays.push((open = { from: row.at.getTime(), to: null }));
    else if (row.kind === "LEFT" && open) {
      open.to = row.at.getTime();
      open = undefined;
    }
  }
  return stays;
}

/** Total milliseconds covered by the stays, overlaps once; an open stay runs to `now`. */
function coveredMs(stays: readonly Stay[], now: number): number {
  const spans = stays.map((s) => [s.from, s.to ?? now] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/**
 * Who attended, from the session's joins and leaves: a person with two views open counts once, and
 * leaving one view does not end their attendance while another is still in the room.
 */
export function attendeesOf(rows: readonly AttendanceRow[], now: Date): Attendee[] {
  const connections = new Map<string, AttendanceRow[]>();
  for (const row of rows) {
    const key = row.participantSid ? `sid:${row.participantSid}` : `identity:${row.identity}`;
    connections.set(key, [...(connections.get(key) ?? []), row]);
  }
  const people = new Map<string, { userId: string | null; stays: Stay[] }>();
  for (const connection of connections.values()) {
    const { userId, identity, participantSid } = connection[0]!;
    const key = userId ?? identity;
    const person = people.get(key) ?? { userId, stays: [] };
    person.stays.push(...(participantSid ? stayOfConnection(connection) : staysOfIdentity(connection)));
    people.set(key, person);
  }
  return [...people.entries()].flatMap(([key, { userId, stays }]) =>
    stays.length === 0
      ? []
      : [
          {
            key,
            userId,
            firstJoinedAt: new Date(Math.min(...stays.map((s) => s.from))),
            present: stays.some((s) => s.to === null),
            secondsPresent: Math.round(coveredMs(stays, now.getTime()) / 1000),
          },
        ],
  );
}
