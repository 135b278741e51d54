import type { TMe, TSession, TStaffRole } from "@plenary/shared";

/** A page from which staff run their part of a session. */
export type ConsoleKind = "moderate" | "stage" | "booth" | "speak" | "edit";

/** One way in for the signed-in person, with what its label needs. */
export interface StaffConsole {
  kind: ConsoleKind;
  path: string;
  /** The booth's language, for an interpreter's console. */
  language?: string;
}

const segment = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;

/** The address of a console for a session. */
export function consolePath(kind: ConsoleKind, sessionId: string): string {
  if (kind === "edit") return `/organiser${segment(sessionId)}`;
  return `${segment(sessionId)}/${kind}`;
}

const KIND_OF_ROLE: Record<TStaffRole, Exclude<ConsoleKind, "edit">> = {
  MODERATOR: "moderate",
  STAGE: "stage",
  INTERPRETER: "booth",
  SPEAKER: "speak",
};

/** The console a role works from, e.g. where an accepted invitation leads. */
export const consolePathForRole = (sessionId: string, role: TStaffRole): string => consolePath(KIND_OF_ROLE[role], sessionId);

// The chair's console stays useful after the end (answers, archive, exports); the others only
// work while the session is scheduled or live, as the access policy says.
const OPEN_ONLY: ReadonlySet<ConsoleKind> = new Set(["stage", "booth", "speak"]);
const ORDER: readonly ConsoleKind[] = ["moderate", "stage", "booth", "speak", "edit"];

/**
 * The consoles a person may open for a session, in a fixed order: one per staff role they hold
 * there, and for organisers the moderator console (they may chair any session) and the editor.
 */
export function consolesFor(me: Pick<TMe, "roles" | "isOrganiser"> | null | undefined, session: Pick<TSession, "id" | "status">): StaffConsole[] {
  if (!me) return [];
  const found = new Map<ConsoleKind, StaffConsole>();
  for (const { sessionId, role, boothLanguage } of me.roles) {
    if (sessionId !== session.id) continue;
    const kind = KIND_OF_ROLE[role];
    found.set(kind, { kind, path: consolePath(kind, session.id), ...(boothLanguage && { language: boothLanguage }) });
  }
  if (me.isOrganiser) {
    for (const kind of ["moderate", "edit"] as const) if (!found.has(kind)) found.set(kind, { kind, path: consolePath(kind, session.id) });
  }
  const usable = [...found.values()].filter((c) => session.status !== "ENDED" || !OPEN_ONLY.has(c.kind));
  return usable.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
