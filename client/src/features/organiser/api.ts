import {
  type TAssignRoleRequest,
  type TLanguage,
  type TRoleAssignment,
  type TSession,
  type TStaffRole,
  type TUpdateSessionRequest,
  type TAcceptInvitationResponse,
  type TInvitationPreview,
  type ZCreateSessionRequest,
  ZAcceptInvitationResponse,
  ZInvitationPreview,
  ZInvitationResponse,
  ZRolesResponse,
  ZSession,
} from "@plenary/shared";
import { z } from "zod";
import { apiRequest } from "../../lib/api.ts";

const path = (sessionId: string, rest = "") => `/sessions/${encodeURIComponent(sessionId)}${rest}`;

/** Creates a session in the event. */
export const createSession = (input: z.input<typeof ZCreateSessionRequest>): Promise<TSession> =>
  apiRequest("/sessions", { method: "POST", body: input, schema: ZSession });

/** Edits a session's details. */
export const updateSession = (sessionId: string, patch: TUpdateSessionRequest): Promise<TSession> =>
  apiRequest(path(sessionId), { method: "PATCH", body: patch, schema: ZSession });

/** Opens (LIVE), closes (ENDED) or reopens a session. */
export const setSessionStatus = (sessionId: string, status: TSession["status"]): Promise<TSession> =>
  apiRequest(path(sessionId, "/status"), { method: "POST", body: { status }, schema: ZSession });

/** Who holds a staff role in the session. */
export const listRoles = async (sessionId: string, signal?: AbortSignal): Promise<TRoleAssignment[]> =>
  (await apiRequest(path(sessionId, "/roles"), { schema: ZRolesResponse, signal })).roles;

/** Gives a registered user a role; returns the updated list. */
export const assignRole = async (sessionId: string, input: TAssignRoleRequest): Promise<TRoleAssignment[]> =>
  (await apiRequest(path(sessionId, "/roles"), { method: "POST", body: input, schema: ZRolesResponse })).roles;

/** Takes a role away; returns the updated list. */
export const removeRole = async (sessionId: string, assignmentId: string): Promise<TRoleAssignment[]> =>
  (await apiRequest(path(sessionId, `/roles/${encodeURIComponent(assignmentId)}`), { method: "DELETE", schema: ZRolesResponse })).roles;

/** Creates a one-time invitation link for a role (for people without an account yet). */
export const createInvitation = (sessionId: string, input: { role: TStaffRole; boothLanguage?: TLanguage }) =>
  apiRequest(path(sessionId, "/invitations"), { method: "POST", body: input, schema: ZInvitationResponse });

/** Accepts an invitation for the signed-in user. */
export const acceptInvitation = (token: string): Promise<TAcceptInvitationResponse> =>
  apiRequest("/invitations/accept", { method: "POST", body: { token }, schema: ZAcceptInvitationResponse });

/** What an invitation offers (event, session, role, booth), before accepting it; signed in or not. */
export const fetchInvitation = (token: string, signal?: AbortSignal): Promise<TInvitationPreview> =>
  apiRequest(`/invitations/${encodeURIComponent(token)}`, { schema: ZInvitationPreview, signal });
