import type { RouteObject } from "react-router";
import { AcceptInvitationPage } from "./AcceptInvitationPage.tsx";

/** Organiser pages (loaded on demand) and the invitation link any invitee opens. */
export const organiserRoutes: RouteObject[] = [
  { path: "organiser", lazy: async () => ({ Component: (await import("./OrganiserPage.tsx")).OrganiserPage }) },
  { path: "organiser/sessions/new", lazy: async () => ({ Component: (await import("./SessionEditorPage.tsx")).SessionEditorPage }) },
  { path: "organiser/sessions/:id", lazy: async () => ({ Component: (await import("./SessionEditorPage.tsx")).SessionEditorPage }) },
  { path: "invitations/:token", element: <AcceptInvitationPage /> },
];
