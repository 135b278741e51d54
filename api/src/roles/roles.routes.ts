import {
  ZAcceptInvitationRequest,
  ZAcceptInvitationResponse,
  ZAssignRoleRequest,
  ZCreateInvitationRequest,
  ZInvitationPreview,
  ZInvitationResponse,
  ZInvitationToken,
  ZRolesResponse,
  ZUuid,
} from "@plenary/shared";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { defineRoute, type AnyRoute } from "../http/route-table.ts";
import { ZSessionParams } from "../lib/validate.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { assignRole } from "./assign-role.ts";
import { createInvitation } from "./create-invitation.ts";
import { listRoles } from "./list-roles.ts";
import { previewInvitation } from "./preview-invitation.ts";
import { removeRole } from "./remove-role.ts";

/**
 * Session staff: roles and invitation links. `onStaffChanged` lets caches of who holds which role
 * forget a session at once and takes the person's open sockets out of rooms their roles no longer
 * allow; `onStaffRemoved` takes publishing away from someone already in the room.
 */
export function rolesRoutes(deps: {
  db: Db;
  onStaffChanged(sessionId: string, userId: string): Promise<void>;
  onStaffRemoved(sessionId: string, userId: string): Promise<void>;
}): AnyRoute[] {
  const { db, onStaffChanged, onStaffRemoved } = deps;
  return [
    defineRoute({
      method: "get",
      path: "/sessions/:id/roles",
      summary: "Role assignments",
      auth: "organiser",
      params: ZSessionParams,
      response: ZRolesResponse,
      handle: async ({ params }) => ({ roles: await listRoles({ db, sessionId: params.id }) }),
    }),
    defineRoute({
      method: "post",
      path: "/sessions/:id/roles",
      summary: "Assign a role",
      auth: "organiser",
      params: ZSessionParams,
      body: ZAssignRoleRequest,
      response: ZRolesResponse,
      status: 201,
      handle: async ({ params, body }) => {
        const { roles, userId } = await assignRole({ db, sessionId: params.id, input: body });
        // Assigning can also take something away: an interpreter moved to another booth.
        await onStaffChanged(params.id, userId);
        return { roles };
      },
    }),
    defineRoute({
      method: "delete",
      path: "/sessions/:id/roles/:assignmentId",
      summary: "Remove a role",
      auth: "organiser",
      params: ZSessionParams.extend({ assignmentId: ZUuid }),
      response: ZRolesResponse,
      handle: async ({ params }) => {
        const { roles, userId } = await removeRole({ db, sessionId: params.id, assignmentId: params.assignmentId });
        await Promise.all([onStaffChanged(params.id, userId), onStaffRemoved(params.id, userId)]);
        return { roles };
      },
    }),
    defineRoute({
      method: "post",
      path: "/sessions/:id/invitations",
      summary: "Create a role invitation link",
      auth: "organiser",
      params: ZSessionParams,
      body: ZCreateInvitationRequest,
      response: ZInvitationResponse,
      status: 201,
      handle: ({ params, body, user }) => createInvitation({ db, ...body, sessionId: params.id, createdById: user.id }),
    }),
    defineRoute({
      method: "get",
      path: "/invitations/:token",
      summary: "What an invitation offers, before accepting it (no sign-in needed: the token is the secret)",
      params: z.object({ token: ZInvitationToken }),
      response: ZInvitationPreview,
      handle: ({ params, user }) => previewInvitation({ db, token: params.token, userId: user?.id }),
    }),
    defineRoute({
      method: "post",
      path: "/invitations/accept",
      summary: "Accept a role invitation",
      auth: "user",
      body: ZAcceptInvitationRequest,
      response: ZAcceptInvitationResponse,
      handle: async ({ body, user }) => {
        const accepted = await acceptInvitation({ db, token: body.token, userId: user.id });
        await onStaffChanged(accepted.sessionId, user.id);
        return accepted;
      },
    }),
  ];
}
