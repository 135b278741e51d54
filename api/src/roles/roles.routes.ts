import { ZAcceptInvitationRequest, ZAssignRoleRequest, ZCreateInvitationRequest, ZUuid } from "@plenary/shared";
import { Router } from "express";
import type { Db } from "../db/client.ts";
import { requireOrganiser, requireUser } from "../http/middleware.ts";
import { parseInput } from "../lib/validate.ts";
import { acceptInvitation, assignRole, createInvitation, listRoles, removeRole } from "./roles.service.ts";

/**
 * `onStaffChanged` lets caches of who holds which role forget a session at once; `onStaffRemoved`
 * takes publishing away from someone already in the room.
 */
export function rolesRoutes(deps: { db: Db; onStaffChanged(sessionId: string): void; onStaffRemoved(sessionId: string, userId: string): Promise<void> }): Router {
  const { db, onStaffChanged, onStaffRemoved } = deps;
  const router = Router();

  router.get("/sessions/:id/roles", requireOrganiser, async (req, res) => {
    res.json({ roles: await listRoles(db, parseInput(ZUuid, req.params.id)) });
  });

  router.post("/sessions/:id/roles", requireOrganiser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const roles = await assignRole(db, sessionId, parseInput(ZAssignRoleRequest, req.body));
    onStaffChanged(sessionId);
    res.status(201).json({ roles });
  });

  router.delete("/sessions/:id/roles/:assignmentId", requireOrganiser, async (req, res) => {
    const sessionId = parseInput(ZUuid, req.params.id);
    const { roles, userId } = await removeRole(db, sessionId, parseInput(ZUuid, req.params.assignmentId));
    onStaffChanged(sessionId);
    await onStaffRemoved(sessionId, userId);
    res.json({ roles });
  });

  router.post("/sessions/:id/invitations", requireOrganiser, async (req, res) => {
    const input = parseInput(ZCreateInvitationRequest, req.body);
    const invitation = await createInvitation(db, { ...input, sessionId: parseInput(ZUuid, req.params.id), createdById: req.user!.id });
    res.status(201).json(invitation);
  });

  router.post("/invitations/accept", requireUser, async (req, res) => {
    const { token } = parseInput(ZAcceptInvitationRequest, req.body);
    const accepted = await acceptInvitation(db, { token, userId: req.user!.id });
    onStaffChanged(accepted.sessionId);
    res.json(accepted);
  });

  return router;
}
